export * from './grant-table.js';
export * from './roles.js';
export * from './rooms.js';
export * from './permissions.js';
export * from './pii.js';
