import { describe, expect, it } from 'vitest';
import { submissionFormatOf, toPrefill, type DiscogsRelease } from './discogs-prefill';

const release: DiscogsRelease = {
  releaseId: 2393,
  artist: 'The Beatles',
  title: 'Abbey Road',
  year: '1969',
  label: 'Apple Records',
  catno: 'PCS 7088',
  format: 'LP',
  genres: ['Rock'],
  styles: [],
  tracklist: [],
  coverUrl: null,
  description: 'The Beatles — Abbey Road (Apple Records PCS 7088, UK, 1969).',
  url: null,
};

describe('Discogs prefill', () => {
  it('carries the release fields and the suggested price for the grade', () => {
    const prefill = toPrefill(release, { releaseId: 2393, currency: 'EUR', market: { currency: 'EUR', byGradeMinor: {}, lowestMinor: null, forSale: 0 }, suggestion: { referenceMinor: 8000, referenceSource: 'grade_nm', offerMinor: 2400, sellPriceMinor: 5999, grade: 'VG+' } }, 'VG+');
    expect(prefill).toMatchObject({ artist: 'The Beatles', title: 'Abbey Road', year: '1969', format: 'LP', suggestedPriceMinor: 5999, referenceMinor: 8000, grade: 'VG+' });
    expect(toPrefill(release, undefined, 'NM').suggestedPriceMinor).toBeNull();
  });

  it('maps formats onto submission formats', () => {
    expect(['LP', '7"', 'CD', 'Cassette', 'Other'].map(submissionFormatOf)).toEqual(['lp', 'single', 'cd', 'cassette', 'lp']);
  });
});
