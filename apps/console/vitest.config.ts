import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    // server/ (the production server) opts into node per file.
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts'],
  },
});
