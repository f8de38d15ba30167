export * from './carriers.js';
