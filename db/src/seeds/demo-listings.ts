// The demo shelf: records, CDs, tapes and hi-fi from the three demo sellers, live from the start.
// `seller` is the index into the demo sellers (seller1…3); prices in euro cents.
export interface DemoListing {
  seller: 1 | 2 | 3;
  category: string;
  artist: string;
  title: string;
  format: string;
  condition: 'M' | 'NM' | 'VG+' | 'VG' | 'G+';
  year: number;
  priceMinor: number;
  quantity: number;
  shippingMinor: number;
  deliverySlaDays: number;
  description: string;
}

const lp = (seller: 1 | 2 | 3, category: string, artist: string, title: string, year: number, condition: DemoListing['condition'], priceMinor: number, quantity = 1): DemoListing => ({
  seller,
  category,
  artist,
  title,
  format: 'LP',
  condition,
  year,
  priceMinor,
  quantity,
  shippingMinor: seller === 1 ? 595 : seller === 2 ? 495 : 695,
  deliverySlaDays: seller === 3 ? 5 : 2,
  description: `${artist} — ${title} (${year}). Original pressing, sleeve and vinyl graded ${condition}. Cleaned and play-tested before dispatch; shipped in a stiff mailer.`,
});

export const demoListings: DemoListing[] = [
  lp(1, 'vinyl-rock', 'The Beatles', 'Abbey Road', 1969, 'VG+', 4500, 2),
  lp(2, 'vinyl-rock', 'The Beatles', 'Revolver', 1966, 'VG', 3800),
  lp(3, 'vinyl-rock', 'The Beatles', 'Let It Be', 1970, 'NM', 5200),
  lp(1, 'vinyl-rock', 'Pink Floyd', 'The Dark Side of the Moon', 1973, 'NM', 6500, 3),
  lp(2, 'vinyl-rock', 'Led Zeppelin', 'Led Zeppelin IV', 1971, 'VG+', 4200),
  lp(3, 'vinyl-rock', 'Fleetwood Mac', 'Rumours', 1977, 'VG+', 2900, 2),
  lp(1, 'vinyl-rock', 'David Bowie', 'Hunky Dory', 1971, 'VG', 3500),
  lp(2, 'vinyl-rock', 'The Rolling Stones', 'Sticky Fingers', 1971, 'G+', 2400),
  lp(1, 'vinyl-jazz', 'Miles Davis', 'Kind of Blue', 1959, 'VG+', 5500, 2),
  lp(2, 'vinyl-jazz', 'John Coltrane', 'A Love Supreme', 1965, 'NM', 6200),
  lp(3, 'vinyl-jazz', 'Dave Brubeck Quartet', 'Time Out', 1959, 'VG', 2800),
  lp(1, 'vinyl-jazz', 'Herbie Hancock', 'Head Hunters', 1973, 'VG+', 3900),
  lp(2, 'vinyl-jazz', 'Nina Simone', 'Pastel Blues', 1965, 'VG', 3300),
  lp(3, 'vinyl-electronic', 'Kraftwerk', 'Trans-Europe Express', 1977, 'NM', 4800),
  lp(1, 'vinyl-electronic', 'Daft Punk', 'Discovery', 2001, 'M', 7900, 4),
  lp(2, 'vinyl-electronic', 'Aphex Twin', 'Selected Ambient Works 85-92', 1992, 'NM', 5900),
  lp(3, 'vinyl-electronic', 'Massive Attack', 'Mezzanine', 1998, 'VG+', 4400),
  { ...lp(1, 'cds', 'Radiohead', 'OK Computer', 1997, 'NM', 1200, 5), format: 'CD', shippingMinor: 295 },
  { ...lp(2, 'cds', 'Nirvana', 'Nevermind', 1991, 'VG+', 900, 3), format: 'CD', shippingMinor: 295 },
  { ...lp(3, 'cassettes', 'Michael Jackson', 'Thriller', 1982, 'VG', 800, 2), format: 'Cassette', shippingMinor: 250 },
  { ...lp(1, 'cassettes', 'Prince', 'Purple Rain', 1984, 'VG+', 1100), format: 'Cassette', shippingMinor: 250 },
  {
    ...lp(2, 'turntables', 'Technics', 'SL-1200MK2 turntable', 1986, 'VG+', 64900),
    format: 'Turntable',
    shippingMinor: 1990,
    deliverySlaDays: 4,
    description: 'Technics SL-1200MK2 direct-drive turntable, serviced: new belt-free motor check, pitch calibrated, original dust cover. Ships double-boxed.',
  },
  {
    ...lp(3, 'turntables', 'Audio-Technica', 'AT-LP120 turntable', 2019, 'NM', 21900),
    format: 'Turntable',
    shippingMinor: 1490,
    deliverySlaDays: 4,
    description: 'Audio-Technica AT-LP120 with the stock cartridge, barely used, complete with box and manual.',
  },
];
