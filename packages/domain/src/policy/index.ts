export * from './roles.js';
export * from './rooms.js';
