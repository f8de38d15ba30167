export * from './assert.js';
export * from './canonical-json.js';
