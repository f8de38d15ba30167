export * from './entities/index.js';
export * from './orm.js';
export * from './seeds/demo-data.js';
export * from './seeds/seed-demo.js';
