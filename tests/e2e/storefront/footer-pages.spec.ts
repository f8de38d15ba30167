// The storefront's footer links to how buying, escrow, disputes and returns work, the terms,
// privacy and contact (issue 16, item 16); each page is a real page, rendered on the server too.
import { expect, test } from '../../fixtures/test';
import { storefrontURL } from '../../fixtures/urls';

test('the footer links to help, terms, privacy and contact, and each page reads as one', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(storefrontURL);
  const footer = page.getByRole('navigation', { name: 'Help and policies' });
  await expect(footer.getByRole('link')).toHaveText(['How buying works', 'Escrow', 'Disputes and returns', 'Terms', 'Privacy', 'Contact']);

  await footer.getByRole('link', { name: 'Escrow' }).click();
  await expect(page).toHaveURL(`${storefrontURL}/help#escrow`);
  await expect(page.getByRole('heading', { level: 1, name: 'How Marketdesk works' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your payment is held until your order arrives' })).toBeInViewport();
  await expect(page.getByRole('heading', { name: 'Something wrong? Report a problem' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Returns and refunds' })).toBeVisible();
  await page.screenshot({ path: '/tmp/helper-timeline-help.png', fullPage: true });

  for (const [link, heading] of [['Terms', 'Terms of use'], ['Privacy', 'Privacy'], ['Contact', 'Contact us']] as const) {
    await footer.getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page).toHaveTitle(`${heading} · Marketdesk`);
  }
  await expect(page.getByRole('link', { name: 'support@marketdesk.test' })).toHaveAttribute('href', 'mailto:support@marketdesk.test');
  await page.screenshot({ path: '/tmp/helper-timeline-contact.png', fullPage: true });

  // Server-rendered: the page's text is in the HTML before any script runs.
  const html = await (await page.request.get(`${storefrontURL}/privacy`)).text();
  expect(html).toContain('Card details go to our payment provider, not to us.');
});
