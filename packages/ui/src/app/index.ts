export * from './trpc';
export { mountApp } from './mount-app';
export * from './live';
