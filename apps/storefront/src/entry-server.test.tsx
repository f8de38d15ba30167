// @vitest-environment node
// The server renderer end to end, with the API replaced by a fake fetch (no network): the HTML
// carries the page, its <head> (title, canonical, Open Graph, JSON-LD) and the state to hydrate.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import superjson from 'superjson';
import { describe, expect, it, vi } from 'vitest';
import { sampleListing, sampleReview } from './test/fixtures';
import { render } from './entry-server';

const template = readFileSync(fileURLToPath(new URL('../index.html', import.meta.url)), 'utf8');
const listing = sampleListing({ description: 'Original pressing, play-tested.' });
const categories = [{ id: 'c1', slug: 'vinyl', name: 'Vinyl', children: [{ id: 'c2', slug: 'vinyl-rock', name: 'Rock', children: [] }] }];

type Answer = { data: unknown } | { error: { code: string; status: number; message: string } };

/** A fake API speaking tRPC's batch protocol (superjson), answering by procedure path. */
function fakeApi(answers: Record<string, (input: unknown) => Answer>) {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    expect(url.origin).toBe('http://api.internal:3000');
    expect(new Headers(init?.headers).get('cookie')).toBe('md_session=abc');
    // The API picks the storefront's own session cookie by the host the visitor addressed.
    expect(new Headers(init?.headers).get('x-forwarded-host')).toBe('records.example');
    const paths = decodeURIComponent(url.pathname.replace('/trpc/', '')).split(',');
    const inputs = JSON.parse(url.searchParams.get('input') ?? '{}') as Record<string, { json: unknown } | undefined>;
    const body = paths.map((path, i) => {
      const answer = (answers[path] ?? (() => ({ error: { code: 'NOT_FOUND', status: 404, message: `No procedure ${path}` } })))(inputs[i]?.json);
      if ('data' in answer) return { result: { data: superjson.serialize(answer.data) } };
      return { error: superjson.serialize({ message: answer.error.message, code: -32004, data: { code: answer.error.code, httpStatus: answer.error.status, zodIssues: null, details: null } }) };
    });
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
}

const common = { template, apiUrl: 'http://api.internal:3000', baseUrl: 'https://records.example', cookie: 'md_session=abc' };

describe('server rendering', () => {
  it('renders a listing with its head, JSON-LD and hydration state', async () => {
    const fetch = fakeApi({
      'auth.me': () => ({ data: null }),
      'catalog.listing': (input) => (JSON.stringify(input) === JSON.stringify({ slug: listing.slug }) ? { data: listing } : { error: { code: 'NOT_FOUND', status: 404, message: 'gone' } }),
      'reviews.forListing': (input) => {
        expect(input).toEqual({ listingId: listing.id, limit: 10 });
        return { data: { aggregate: { count: 1, average: 5 }, reviews: [sampleReview()] } };
      },
    });
    const result = await render({ ...common, url: `/l/${listing.slug}`, fetch });
    expect(result.status).toBe(200);
    const html = result.html;
    expect(html).toContain('<title data-md-head>The Beatles – Abbey Road · Marketdesk</title>');
    expect(html).not.toContain('<title>Marketdesk</title>');
    expect(html).toContain(`<link data-md-head rel="canonical" href="https://records.example/l/${listing.slug}">`);
    expect(html).toContain('<meta data-md-head property="og:title" content="The Beatles – Abbey Road · Marketdesk">');
    expect(html).toMatch(/<meta data-md-head name="description" content="LP, 1969, Very Good Plus\. Original pressing, play-tested\.">/);
    const ld = JSON.parse(/<script data-md-head type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]!);
    expect(ld).toMatchObject({ '@type': 'Product', sku: listing.id, offers: { price: '45.00', priceCurrency: 'EUR', availability: 'https://schema.org/InStock', seller: { name: 'Vinyl Vault' } } });
    // The page itself, not a spinner.
    expect(html).toMatch(/<h1[^>]*>Abbey Road<\/h1>/);
    expect(html).toContain('Add to cart');
    // Reviews are server rendered too: the average, the buyer, the text and the seller's reply.
    expect(html).toContain('5.0 out of 5 from 1 review');
    expect(html).toContain('Ada B.');
    expect(html).toContain('Perfect copy, well packed.');
    expect(html).toContain('Thanks, enjoy it!');
    // Dates: the server cannot know the reader's zone, so instants are written in UTC with their
    // ISO value (the browser rewrites them after hydration); the delivery window is in UTC days.
    expect(html).toContain('<time dateTime="2030-03-09T10:00:00.000Z">9 Mar 2030</time>');
    expect(html).toContain('<time dateTime="2030-03-05T10:00:00.000Z">Tue 5 Mar</time> – <time dateTime="2030-03-08T10:00:00.000Z">Fri 8 Mar</time>');
    expect(html).toContain(`href="/s/${listing.seller.id}"`);
    expect(html).toContain('id="md-ssr-state"');
    expect(html).toContain('data-mantine-color-scheme');
  });

  it("renders a title carrying $', $`, $& and $1 verbatim, in one copy of the document", async () => {
    const title = "A $' B $` C $& D $1 $$";
    const tricky = sampleListing({ title });
    const fetch = fakeApi({
      'auth.me': () => ({ data: null }),
      'catalog.listing': () => ({ data: tricky }),
      'reviews.forListing': () => ({ data: { aggregate: { count: 0, average: null }, reviews: [] } }),
    });
    const { status, html } = await render({ ...common, url: `/l/${tricky.slug}`, fetch });
    expect(status).toBe(200);
    const count = (needle: string) => html.split(needle).length - 1;
    // One document: before the fix `$'` and `$&` pasted the rest of the template into the page.
    for (const once of ['<!doctype html>', '<html', '<head>', '<body>', 'id="root"', 'id="md-ssr-state"', '<script type="module"', '<title']) expect(count(once)).toBe(1);
    expect(html).not.toContain('<!--app-');
    // The head (escaped for HTML: & only) and the page (React also escapes the apostrophe).
    const inHead = "A $' B $` C $&amp; D $1 $$";
    expect(html).toContain(`<title data-md-head>The Beatles – ${inHead} · Marketdesk</title>`);
    expect(html).toContain(`<meta data-md-head property="og:title" content="The Beatles – ${inHead} · Marketdesk">`);
    expect(count(`<h1`)).toBe(1);
    expect(html).toMatch(/<h1[^>]*>A \$&#x27; B \$` C \$&amp; D \$1 \$\$<\/h1>/);
    const ld = JSON.parse(/<script data-md-head type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]!) as { name: string };
    expect(ld.name).toContain(title);
    // The state the browser hydrates from carries the title unchanged.
    const state = /<script id="md-ssr-state" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!;
    expect(JSON.stringify(superjson.parse(state))).toContain(JSON.stringify(title));
  });

  it('answers 404 with the not-found page for a missing listing', async () => {
    const fetch = fakeApi({ 'auth.me': () => ({ data: null }), 'catalog.listing': () => ({ error: { code: 'NOT_FOUND', status: 404, message: 'gone' } }) });
    const result = await render({ ...common, url: '/l/no-such-record', fetch });
    expect(result.status).toBe(404);
    expect(result.html).toContain('Listing not found');
    expect(result.html).toContain('<meta data-md-head name="robots" content="noindex">');
  });

  it('renders a category as a CollectionPage', async () => {
    const search = { items: [{ id: 'x', slug: listing.slug, title: 'Abbey Road', artist: 'The Beatles', format: 'LP', condition: 'VG+', priceMinor: 4500, currency: 'EUR', available: 2, soldOut: false, seller: listing.seller, category: { slug: 'vinyl-rock', name: 'Rock' }, imageUrl: null }], total: 1, nextCursor: null, correctedQuery: null, suggestion: null, facets: { category: [], condition: [], price: [], seller: [], inStock: 1 } };
    const fetch = fakeApi({ 'auth.me': () => ({ data: null }), 'catalog.categories': () => ({ data: categories }), 'catalog.search': () => ({ data: search }) });
    const result = await render({ ...common, url: '/c/vinyl-rock', fetch });
    expect(result.status).toBe(200);
    expect(result.html).toContain('<title data-md-head>Rock records · Marketdesk</title>');
    expect(result.html).toContain('<link data-md-head rel="canonical" href="https://records.example/c/vinyl-rock">');
    expect(result.html).toContain('"@type":"CollectionPage"');
    expect(result.html).toContain('The Beatles – Abbey Road, €45.00');
  });

  it('renders a seller page with their name, rating, records and reviews, and its own head', async () => {
    const sellerId = listing.seller.id;
    const search = { items: [{ id: 'x', slug: listing.slug, title: 'Abbey Road', artist: 'The Beatles', format: 'LP', condition: 'VG+', priceMinor: 4500, currency: 'EUR', available: 2, soldOut: false, seller: listing.seller, category: { slug: 'vinyl-rock', name: 'Rock' }, imageUrl: null }], total: 1, nextCursor: null, correctedQuery: null, suggestion: null, facets: { category: [], condition: [], price: [], seller: [], inStock: 1 } };
    const fetch = fakeApi({
      'auth.me': () => ({ data: null }),
      'catalog.search': (input) => {
        expect(input).toMatchObject({ sellerId, sort: 'newest' });
        return { data: search };
      },
      'reviews.forSeller': () => ({ data: { aggregate: { count: 3, average: 4.7 }, reviews: [sampleReview()] } }),
    });
    const result = await render({ ...common, url: `/s/${sellerId}`, fetch });
    expect(result.status).toBe(200);
    const html = result.html;
    expect(html).toContain('<title data-md-head>Vinyl Vault — records and reviews · Marketdesk</title>');
    expect(html).toContain(`<link data-md-head rel="canonical" href="https://records.example/s/${sellerId}">`);
    expect(html).toContain('<meta data-md-head name="description" content="Vinyl Vault on Marketdesk: 1 record for sale, rated 4.7 out of 5 by 3 buyers. Paid into escrow until your order arrives.">');
    const ld = JSON.parse(/<script data-md-head type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]!);
    expect(ld).toMatchObject({ '@type': 'Organization', name: 'Vinyl Vault', url: `https://records.example/s/${sellerId}`, aggregateRating: { ratingValue: '4.7', reviewCount: 3 } });
    expect(html).toMatch(/<h1[^>]*>Vinyl Vault<\/h1>/);
    expect(html).toContain('4.7 out of 5 from 3 reviews');
    expect(html).toContain('The Beatles – Abbey Road, €45.00');
    expect(html).toContain('Perfect copy, well packed.');
  });

  it('answers 404 for a seller with nothing for sale and no reviews, or a malformed id', async () => {
    const empty = { items: [], total: 0, nextCursor: null, correctedQuery: null, suggestion: null, facets: { category: [], condition: [], price: [], seller: [], inStock: 0 } };
    const fetch = fakeApi({ 'auth.me': () => ({ data: null }), 'catalog.search': () => ({ data: empty }), 'reviews.forSeller': () => ({ data: { aggregate: { count: 0, average: null }, reviews: [] } }) });
    const unknown = await render({ ...common, url: '/s/77777777-7777-4777-8777-777777777777', fetch });
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain('Seller not found');
    expect(unknown.html).toContain('<meta data-md-head name="robots" content="noindex">');
    const malformed = await render({ ...common, url: '/s/not-an-id', fetch });
    expect(malformed.status).toBe(404);
  });

  it('sends visitors who are not signed in from checkout to sign-in, and back after', async () => {
    const fetch = fakeApi({ 'auth.me': () => ({ data: null }) });
    const result = await render({ ...common, url: '/checkout', fetch });
    expect(result.status).toBe(302);
    expect(result.redirect).toBe('/login?next=%2Fcheckout');
  });

  it('still renders the page shell when the API is down', async () => {
    const fetch = vi.fn(() => Promise.reject(new TypeError('fetch failed')));
    const result = await render({ ...common, url: `/l/${listing.slug}`, fetch });
    expect(result.status).toBe(200);
    expect(result.html).toContain('Loading listing…');
    expect(result.html).toContain(`<link data-md-head rel="canonical" href="https://records.example/l/${listing.slug}">`);
  });
});
