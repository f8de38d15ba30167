export { createApp, type App } from './http/create-app.js';
export { loadConfig, configWith, ConfigError, type Config } from './env.js';
export type { AppRouter } from './routers/_app.js';
