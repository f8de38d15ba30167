export * from './trend.js';
export * from './co-purchase.js';
