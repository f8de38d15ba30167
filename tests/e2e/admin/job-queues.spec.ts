// The BullMQ dashboard (bull-board, served by the API at /admin/queues): an admin opens it from the
// console's navigation and sees the job queues listed — the page loads its own scripts under its
// own Content-Security-Policy, with no console errors or failed requests (fixtures/test.ts).
import { expect, test } from '../../fixtures/test';
import { signInToConsole } from '../../fixtures/console';
import { demo } from '../../fixtures/demo';

test('an admin opens Job queues from the console and sees the queues listed', async ({ page }) => {
  await signInToConsole(page, demo.admin.email);
  await page.getByRole('link', { name: /^Job queues/ }).click();
  await expect(page).toHaveTitle('Marketdesk jobs');
  for (const queue of ['mail', 'payments', 'orders', 'notifications']) {
    await expect(page.getByRole('link', { name: queue, exact: true }).first()).toBeVisible();
  }
  await page.screenshot({ path: '/tmp/helper-plumbing-job-queues.png' });
});
