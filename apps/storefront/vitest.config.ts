import { defineConfig } from 'vitest/config';

// Mirrors packages/ui: jsdom with Mantine's browser stubs; the server-render test opts into node.
export default defineConfig({
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    // server/ (the production server) opts into node per file.
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts'],
  },
});
