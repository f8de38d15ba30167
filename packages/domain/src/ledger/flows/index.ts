export * from './postings.js';
export * from './escrow.js';
export * from './clawback.js';
export * from './chargeback.js';
export * from './payouts.js';
export * from './purchases.js';
