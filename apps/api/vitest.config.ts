import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Fault injection (and the worker kill -9 test) runs in its own suite: vitest.faults.config.ts.
    exclude: [...configDefaults.exclude, 'test/faults/**', 'test/worker-crash.int.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Integration files share one database and one Redis; run files one at a time on 2 cores.
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
