import { defineConfig } from 'vitest/config';

// Mirrors packages/ui: jsdom with Mantine's browser stubs; the server-render test opts into node.
export default defineConfig({
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
