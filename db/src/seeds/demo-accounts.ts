// The demo cast as people read it at start-up (`npm start` prints it): every account, what it does,
// the shop each seller runs, which app to sign in to, and the one password. Read from the seed's
// own data, so the banner cannot drift from the accounts.
import { demoKyc, demoPassword, demoUsers, type DemoUser } from './demo-data.js';

/** Who the account is and what it does; a seller's display name is its shop's. */
function describe(user: DemoUser): string {
  const roles = new Set<string>(user.roles);
  if (roles.has('admin')) return `${user.displayName}, admin (also works the queues as an agent)`;
  if (roles.has('agent')) return `${user.displayName}, support agent`;
  if (roles.has('seller')) {
    const verified = demoKyc.find((k) => k.email === user.email)?.state === 'approved';
    return `runs the shop “${user.displayName}” (${verified ? 'verified seller' : 'seller, identity check waiting in KYC review'}; can also buy)`;
  }
  return `${user.displayName}, buyer`;
}

/** The accounts grouped by the app they sign in to, aligned, then the password. */
export function demoAccountLines(urls: { console: string; storefront: string }): string[] {
  const staffOrSelling = (u: DemoUser) => u.roles.some((r) => r !== 'buyer');
  const width = Math.max(...demoUsers.map((u) => u.email.length));
  const row = (u: DemoUser) => `  ${u.email.padEnd(width)}  ${describe(u)}`;
  return [
    `Console (staff and sellers) ${urls.console}`,
    ...demoUsers.filter(staffOrSelling).map(row),
    `Storefront (buyers) ${urls.storefront}`,
    ...demoUsers.filter((u) => !staffOrSelling(u)).map(row),
    `Every account's password: ${demoPassword}`,
  ];
}
