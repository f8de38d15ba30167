// The demo cast and catalogue that a fresh start shows. Known passwords, printed at start.
import type { Role } from '@marketdesk/domain';

export const demoPassword = 'marketdesk-demo';

export interface DemoUser {
  email: string;
  displayName: string;
  roles: Role[];
}

export const demoUsers: DemoUser[] = [
  { email: 'admin@marketdesk.test', displayName: 'Dana Admin', roles: ['admin', 'agent'] },
  { email: 'agent1@marketdesk.test', displayName: 'Alex Agent', roles: ['agent'] },
  { email: 'agent2@marketdesk.test', displayName: 'Sam Support', roles: ['agent'] },
  { email: 'seller1@marketdesk.test', displayName: 'Groove Records', roles: ['seller', 'buyer'] },
  { email: 'seller2@marketdesk.test', displayName: 'Vinyl Vault', roles: ['seller', 'buyer'] },
  { email: 'seller3@marketdesk.test', displayName: 'Second Spin', roles: ['seller', 'buyer'] },
  { email: 'seller4@marketdesk.test', displayName: 'New Pressings', roles: ['seller', 'buyer'] },
  { email: 'buyer1@marketdesk.test', displayName: 'Bea Buyer', roles: ['buyer'] },
  { email: 'buyer2@marketdesk.test', displayName: 'Ben Collector', roles: ['buyer'] },
  { email: 'buyer3@marketdesk.test', displayName: 'Cleo Crate', roles: ['buyer'] },
  { email: 'buyer4@marketdesk.test', displayName: 'Dev Digger', roles: ['buyer'] },
  { email: 'buyer5@marketdesk.test', displayName: 'Eve Ears', roles: ['buyer'] },
];

export interface DemoCategory {
  slug: string;
  name: string;
  children?: DemoCategory[];
}

export const demoCategories: DemoCategory[] = [
  {
    slug: 'vinyl',
    name: 'Vinyl records',
    children: [
      { slug: 'vinyl-jazz', name: 'Jazz' },
      { slug: 'vinyl-rock', name: 'Rock' },
      { slug: 'vinyl-electronic', name: 'Electronic' },
    ],
  },
  { slug: 'cds', name: 'CDs' },
  { slug: 'cassettes', name: 'Cassettes' },
  { slug: 'turntables', name: 'Turntables & hi-fi' },
];

/** Sellers' identity checks: the three trading sellers are verified; New Pressings waits in the KYC queue. */
export const demoKyc: { email: string; state: 'approved' | 'submitted'; legalName: string; businessType: 'individual' | 'company'; registrationNumber?: string; dateOfBirth?: string; city: string; postalCode: string; addressLine1: string }[] = [
  { email: 'seller1@marketdesk.test', state: 'approved', legalName: 'Groove Records GmbH', businessType: 'company', registrationNumber: 'HRB 123456', city: 'Berlin', postalCode: '10997', addressLine1: 'Oranienstraße 12' },
  { email: 'seller2@marketdesk.test', state: 'approved', legalName: 'Vinyl Vault UG', businessType: 'company', registrationNumber: 'HRB 654321', city: 'Hamburg', postalCode: '20359', addressLine1: 'Reeperbahn 50' },
  { email: 'seller3@marketdesk.test', state: 'approved', legalName: 'Sam Spinner', businessType: 'individual', dateOfBirth: '1985-04-12', city: 'Leipzig', postalCode: '04109', addressLine1: 'Karl-Liebknecht-Straße 8' },
  { email: 'seller4@marketdesk.test', state: 'submitted', legalName: 'New Pressings Ltd', businessType: 'company', registrationNumber: 'HRB 777001', city: 'Cologne', postalCode: '50667', addressLine1: 'Ehrenstraße 3' },
];
