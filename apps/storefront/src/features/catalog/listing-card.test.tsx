import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ListingCardData } from '../../lib/api-types';
import { renderWithRouter } from '../../test/render';
import { ListingCard } from './listing-card';
import { coverInitials } from './record-cover';

const card: ListingCardData = {
  id: '1',
  slug: 'pink-floyd-dsotm',
  title: 'The Dark Side of the Moon',
  artist: 'Pink Floyd',
  format: 'LP',
  condition: 'NM',
  priceMinor: 6500,
  currency: 'EUR',
  available: 3,
  soldOut: false,
  seller: { id: 's', name: 'Groove Records' },
  category: { slug: 'vinyl-rock', name: 'Rock' },
  imageUrl: null,
};

describe('ListingCard', () => {
  it('shows a placeholder cover, price, condition and seller, linking to the listing', () => {
    renderWithRouter(<ListingCard listing={card} />);
    const link = screen.getByRole('link', { name: /Pink Floyd – The Dark Side of the Moon, €65\.00/ });
    expect(link.getAttribute('href')).toBe('/l/pink-floyd-dsotm');
    expect(screen.getByRole('img', { name: 'The Dark Side of the Moon (no photo yet)' }).textContent).toBe('PF');
    expect(screen.getByText('NM')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Groove Records' }).getAttribute('href')).toBe('/s/s');
    expect(screen.queryByText('Sold out')).toBeNull();
  });

  it('says "Sold out" when it is', () => {
    renderWithRouter(<ListingCard listing={{ ...card, soldOut: true, available: 0, imageUrl: '/media/x.jpg' }} />);
    expect(screen.getByText('Sold out')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'The Dark Side of the Moon' }).getAttribute('src')).toBe('/media/x.jpg');
  });

  it('makes initials from the artist, skipping "The"', () => {
    expect(coverInitials('The Beatles')).toBe('B');
    expect(coverInitials('Miles Davis')).toBe('MD');
    expect(coverInitials('!!!')).toBe('♪');
  });
});
