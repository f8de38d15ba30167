// What goes in <head> for a page: title, description, canonical URL, Open Graph and JSON-LD.
// Pure builders shared by the server renderer (which writes the tags into the HTML) and the
// browser (which updates them on client-side navigation, see use-head.ts).
import { minorToDecimalString, currencyExponent } from '@marketdesk/ui';
import type { ListingCardData, ListingView, SearchResult } from '../../lib/api-types';
import { absoluteUrl } from '../../lib/site-config';
import { conditionLabel } from '../../lib/format';

export interface Head {
  title: string;
  description: string;
  /** Path (or absolute URL) of the canonical page; made absolute with the site's base URL. */
  canonical: string;
  ogType?: 'website' | 'product';
  image?: string | null;
  jsonLd?: Record<string, unknown> | null;
  /** e.g. "noindex" for carts, checkouts and account pages. */
  robots?: string;
}


export const SITE_NAME = 'Marketdesk';

export function pageTitle(title: string): string {
  return title === SITE_NAME ? SITE_NAME : `${title} · ${SITE_NAME}`;
}

function toAbsolute(pathOrUrl: string): string {
  return /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : absoluteUrl(pathOrUrl);
}

function clip(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export function listingName(l: { title: string; attributes?: Record<string, unknown> | null; artist?: string | null }): string {
  const artist = l.artist ?? (typeof l.attributes?.artist === 'string' ? l.attributes.artist : null);
  return artist && !l.title.toLowerCase().includes(artist.toLowerCase()) ? `${artist} – ${l.title}` : l.title;
}

/** Offer price as schema.org wants it: a decimal string in major units ("24.50"). */
export function decimalPrice(amountMinor: number, currency: string): string {
  return minorToDecimalString(amountMinor, currencyExponent(currency));
}

export function listingJsonLd(l: ListingView): Record<string, unknown> {
  const url = absoluteUrl(`/l/${l.slug}`);
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: listingName(l),
    description: l.description || listingName(l),
    sku: l.id,
    url,
    category: l.category.name,
    ...(l.images.length ? { image: l.images.map((i) => toAbsolute(i.url)) } : {}),
    ...(typeof l.attributes.artist === 'string' ? { brand: { '@type': 'Brand', name: l.attributes.artist } } : {}),
    offers: {
      '@type': 'Offer',
      url,
      price: decimalPrice(l.priceMinor, l.currency),
      priceCurrency: l.currency,
      availability: l.soldOut || l.available <= 0 ? 'https://schema.org/OutOfStock' : 'https://schema.org/InStock',
      itemCondition: 'https://schema.org/UsedCondition',
      seller: { '@type': 'Organization', name: l.seller.name },
    },
  };
}

export function listingHead(l: ListingView): Head {
  const facts = [l.attributes.format, l.attributes.year, conditionLabel(l.condition)].filter(Boolean).join(', ');
  const description = clip(l.description ? `${facts}. ${l.description}` : `${listingName(l)} (${facts}) from ${l.seller.name} on ${SITE_NAME}.`);
  return {
    title: pageTitle(listingName(l)),
    description,
    canonical: `/l/${l.slug}`,
    ogType: 'product',
    image: l.images[0] ? toAbsolute(l.images[0].url) : null,
    jsonLd: listingJsonLd(l),
  };
}

export function categoryJsonLd(category: { slug: string; name: string }, items: ListingCardData[], total: number): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name: category.name,
    url: absoluteUrl(`/c/${category.slug}`),
    mainEntity: {
      '@type': 'ItemList',
      numberOfItems: total,
      itemListElement: items.map((item, index) => ({
        '@type': 'ListItem',
        position: index + 1,
        url: absoluteUrl(`/l/${item.slug}`),
        name: listingName(item),
      })),
    },
  };
}

export function categoryHead(category: { slug: string; name: string }, result: SearchResult | undefined): Head {
  const total = result?.total ?? 0;
  return {
    title: pageTitle(`${category.name} records`),
    description: clip(`${total} ${category.name} ${total === 1 ? 'record' : 'records'} from independent sellers on ${SITE_NAME}, graded and held in escrow until they arrive.`),
    canonical: `/c/${category.slug}`,
    jsonLd: result ? categoryJsonLd(category, result.items, total) : null,
  };
}

export interface SellerHeadData {
  id: string;
  name: string;
  /** Live listings (catalog.search total). */
  listingCount: number;
  aggregate: { average: number | null; count: number };
}

export function sellerJsonLd(s: SellerHeadData): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: s.name,
    url: absoluteUrl(`/s/${s.id}`),
    ...(s.aggregate.count > 0 && s.aggregate.average !== null
      ? { aggregateRating: { '@type': 'AggregateRating', ratingValue: s.aggregate.average.toFixed(1), reviewCount: s.aggregate.count, bestRating: '5', worstRating: '1' } }
      : {}),
  };
}

export function sellerHead(s: SellerHeadData): Head {
  const records = `${s.listingCount} ${s.listingCount === 1 ? 'record' : 'records'} for sale`;
  const rating = s.aggregate.count > 0 && s.aggregate.average !== null ? `, rated ${s.aggregate.average.toFixed(1)} out of 5 by ${s.aggregate.count} ${s.aggregate.count === 1 ? 'buyer' : 'buyers'}` : '';
  return {
    title: pageTitle(`${s.name} — records and reviews`),
    description: clip(`${s.name} on ${SITE_NAME}: ${records}${rating}. Paid into escrow until your order arrives.`),
    canonical: `/s/${s.id}`,
    jsonLd: sellerJsonLd(s),
  };
}

export function simpleHead(title: string, path: string, description = 'Records from independent sellers, paid into escrow until your order arrives.', robots?: string): Head {
  return { title: pageTitle(title), description, canonical: path, ...(robots ? { robots } : {}) };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON inside <script>: "</script>" and "<!--" must not appear, so every "<" is escaped. */
export function jsonLdScript(data: Record<string, unknown>): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The head as HTML, each tag marked data-md-head so the browser can replace them on navigation. */
export function renderHeadTags(head: Head): string {
  const canonical = toAbsolute(head.canonical);
  const tags = [
    `<title data-md-head>${escapeHtml(head.title)}</title>`,
    `<meta data-md-head name="description" content="${escapeHtml(head.description)}">`,
    `<link data-md-head rel="canonical" href="${escapeHtml(canonical)}">`,
    `<meta data-md-head property="og:site_name" content="${SITE_NAME}">`,
    `<meta data-md-head property="og:type" content="${head.ogType ?? 'website'}">`,
    `<meta data-md-head property="og:title" content="${escapeHtml(head.title)}">`,
    `<meta data-md-head property="og:description" content="${escapeHtml(head.description)}">`,
    `<meta data-md-head property="og:url" content="${escapeHtml(canonical)}">`,
  ];
  if (head.image) tags.push(`<meta data-md-head property="og:image" content="${escapeHtml(head.image)}">`);
  tags.push(`<meta data-md-head name="twitter:card" content="${head.image ? 'summary_large_image' : 'summary'}">`);
  if (head.robots) tags.push(`<meta data-md-head name="robots" content="${escapeHtml(head.robots)}">`);
  if (head.jsonLd) tags.push(`<script data-md-head type="application/ld+json">${jsonLdScript(head.jsonLd)}</script>`);
  return tags.join('\n    ');
}
