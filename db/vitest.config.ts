import { defineConfig } from 'vitest/config';

// Opening and migrating a database (PGlite's WASM start-up included) takes seconds on a loaded machine.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } });
