export * from './grades.js';
export * from './policy.js';
export * from './price-ending.js';
export * from './item-price.js';
export * from './quote.js';
export * from './markdown.js';
export * from './markdown-plan.js';
export * from './suggest-price.js';
