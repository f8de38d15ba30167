import { describe, expect, it } from 'vitest';
import { demoAccountLines } from './demo-accounts.js';
import { demoPassword, demoUsers } from './demo-data.js';

describe('the demo accounts banner', () => {
  const lines = demoAccountLines({ console: 'http://localhost:5173', storefront: 'http://localhost:5174' });

  it('names every demo account once, under the app it signs in to', () => {
    for (const user of demoUsers) expect(lines.filter((l) => l.includes(`${user.email} `))).toHaveLength(1);
    const storefrontAt = lines.findIndex((l) => l.startsWith('Storefront'));
    expect(lines.findIndex((l) => l.includes('buyer1@marketdesk.test'))).toBeGreaterThan(storefrontAt);
    expect(lines.findIndex((l) => l.includes('admin@marketdesk.test'))).toBeLessThan(storefrontAt);
  });

  it('says which shop each seller runs, and the password', () => {
    expect(lines.find((l) => l.includes('seller1@'))).toContain('runs the shop “Groove Records” (verified seller');
    expect(lines.find((l) => l.includes('seller4@'))).toContain('identity check waiting in KYC review');
    expect(lines.at(-1)).toBe(`Every account's password: ${demoPassword}`);
  });
});
