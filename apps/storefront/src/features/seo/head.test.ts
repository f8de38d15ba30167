import { describe, expect, it } from 'vitest';
import type { ListingView } from '../../lib/api-types';
import { sampleListing } from '../../test/fixtures';
import { setSiteConfig } from '../../lib/site-config';
import { categoryHead, listingHead, listingJsonLd, renderHeadTags } from './head';


describe('listing JSON-LD', () => {
  setSiteConfig({ baseUrl: 'https://shop.example/' });

  it('describes the listing as a schema.org Product with an Offer', () => {
    const ld = listingJsonLd(sampleListing());
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'The Beatles – Abbey Road',
      sku: '44444444-4444-4444-8444-444444444444',
      url: 'https://shop.example/l/the-beatles-abbey-road-444444',
      offers: { '@type': 'Offer', price: '45.00', priceCurrency: 'EUR', availability: 'https://schema.org/InStock', seller: { '@type': 'Organization', name: 'Vinyl Vault' } },
    });
    expect(ld).not.toHaveProperty('image');
  });

  it('says OutOfStock when sold out and lists absolute image URLs', () => {
    const ld = listingJsonLd(sampleListing({ soldOut: true, available: 0, images: [{ id: 'i', url: '/media/a.jpg', thumbUrl: '/media/a-t.webp', width: 1, height: 1, status: 'ready' }] as ListingView['images'] }));
    expect((ld.offers as { availability: string }).availability).toBe('https://schema.org/OutOfStock');
    expect(ld.image).toEqual(['https://shop.example/media/a.jpg']);
  });

  it('keeps prices exact in major units (no floats)', () => {
    expect((listingJsonLd(sampleListing({ priceMinor: 64900 })).offers as { price: string }).price).toBe('649.00');
    expect((listingJsonLd(sampleListing({ priceMinor: 1999, currency: 'JPY' })).offers as { price: string }).price).toBe('1999');
  });
});

describe('head tags', () => {
  it('writes title, description, absolute canonical, Open Graph and safe JSON-LD', () => {
    const html = renderHeadTags(listingHead(sampleListing()));
    expect(html).toContain('<title data-md-head>The Beatles – Abbey Road · Marketdesk</title>');
    expect(html).toContain('<link data-md-head rel="canonical" href="https://shop.example/l/the-beatles-abbey-road-444444">');
    expect(html).toContain('property="og:type" content="product"');
    expect(html).toMatch(/<meta data-md-head name="description" content="LP, 1969, Very Good Plus\. Original pressing\. &lt;\/script&gt;/);
    const ld = /<script data-md-head type="application\/ld\+json">(.*)<\/script>/.exec(html)![1]!;
    expect(ld).not.toContain('</script');
    expect(JSON.parse(ld).description).toContain('</script><script>alert(1)</script>');
  });

  it('makes a category page a CollectionPage with an ItemList', () => {
    const head = categoryHead({ slug: 'vinyl-rock', name: 'Rock' }, {
      items: [{ id: 'x', slug: 'abbey', title: 'Abbey Road', artist: 'The Beatles' }],
      total: 1,
    } as never);
    expect(head.canonical).toBe('/c/vinyl-rock');
    expect(head.jsonLd).toMatchObject({ '@type': 'CollectionPage', mainEntity: { '@type': 'ItemList', numberOfItems: 1, itemListElement: [{ position: 1, url: 'https://shop.example/l/abbey', name: 'The Beatles – Abbey Road' }] } });
  });
});
