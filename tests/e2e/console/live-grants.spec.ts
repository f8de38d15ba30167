// Role changes reach an open console at once (issue 22, item 6): an admin makes a seller a support
// agent, and the seller's open console gains the Work queues in its navigation without a reload;
// taking the role away takes them out again.
import { expect, test } from '../../fixtures/test';
import { apiMutate, apiSignIn } from '../../fixtures/api';
import { signInToConsole } from '../../fixtures/console';
import { demo, unique } from '../../fixtures/demo';
import { apiURL, consoleURL } from '../../fixtures/urls';

test("an admin's role change reaches the person's open console without a reload", async ({ page, allowErrors }) => {
  // A staff-only read the page sent while the person was still an agent can come back refused
  // once the role is gone: the refusal is the point, and the navigation below shows it.
  allowErrors(/403.*\/trpc\/[^ ]*activity\.list/);
  const email = `${unique('promoted')}@marketdesk.test`;
  const password = 'correct horse battery';
  const reg = await fetch(`${apiURL}/trpc/auth.register`, { method: 'POST', headers: { 'content-type': 'application/json', origin: consoleURL }, body: JSON.stringify({ json: { email, password, displayName: 'Pat Promoted', asSeller: true } }) });
  expect(reg.ok).toBe(true);
  const { result } = (await reg.json()) as { result: { data: { json: { id: string } } } };
  const userId = result.data.json.id;

  await signInToConsole(page, email, password);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'My listings' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Support inbox' })).toHaveCount(0);

  const admin = await apiSignIn(demo.admin.email);
  await apiMutate(admin, 'roles.assign', { userId, roles: ['buyer', 'seller', 'agent'] });
  await expect(nav.getByRole('link', { name: 'Support inbox' })).toBeVisible();

  await apiMutate(admin, 'roles.assign', { userId, roles: ['buyer', 'seller'] });
  await expect(nav.getByRole('link', { name: 'Support inbox' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'My listings' })).toBeVisible();
});
