// `npm run test:faults`: the fault-injection suite (kill -9, Redis and PostgreSQL restarts, relay
// crash). Separate from the integration suite because it starts and kills real processes and
// private servers; run by `npm test` (and so by CI) after the integration tests.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/faults/**/*.fault.test.ts', 'test/worker-crash.int.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
