export * from './currency.js';
export * from './money.js';
export * from './rounding.js';
export * from './fee.js';
export * from './allocate.js';
export * from './format.js';
