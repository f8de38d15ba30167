// @vitest-environment node
// The footer's pages are rendered on the server like every page: the text itself (not a spinner)
// and their own <head>, for anyone signed in or not; the footer links to each of them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { render } from '../entry-server';

const template = readFileSync(fileURLToPath(new URL('../../index.html', import.meta.url)), 'utf8');

/** An API that knows nobody is signed in (the only thing these pages ask). */
const signedOut = async (input: RequestInfo | URL) => {
  const paths = decodeURIComponent(new URL(String(input)).pathname.replace('/trpc/', '')).split(',');
  const body = paths.map(() => ({ result: { data: superjson.serialize(null) } }));
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
};

const page = (url: string) => render({ url, template, apiUrl: 'http://api.internal:3000', baseUrl: 'https://records.example', fetch: signedOut as typeof fetch });

describe('help, terms, privacy and contact', () => {
  it.each([
    ['/help', 'How Marketdesk works', ['Your payment is held until your order arrives', 'Something wrong? Report a problem', 'Returns and refunds', 'We ship to France, Germany, Netherlands, United Kingdom and United States.']],
    ['/terms', 'Terms of use', ['The sale is between you and the seller.']],
    ['/privacy', 'Privacy', ['Card details go to our payment provider, not to us.']],
    ['/contact', 'Contact us', ['support@marketdesk.test']],
  ])('renders %s on the server with its head', async (url, title, texts) => {
    const result = await page(url);
    expect(result.status).toBe(200);
    expect(result.html).toContain(`<title data-md-head>${title} · Marketdesk</title>`);
    expect(result.html).toContain(`<link data-md-head rel="canonical" href="https://records.example${url}">`);
    expect(result.html).toMatch(new RegExp(`<h1[^>]*>${title}</h1>`));
    for (const text of texts) expect(result.html.replace(/<!-- -->/g, '')).toContain(text);
  });

  it('links every page from the footer', async () => {
    const { html } = await page('/terms');
    const footer = html.slice(html.indexOf('<footer'));
    for (const href of ['/help#buying', '/help#escrow', '/help#disputes', '/terms', '/privacy', '/contact']) expect(footer).toContain(`href="${href}"`);
  });
});
