// Browser tests against the full stack (scripts/e2e-stack.mjs: fresh DB, API, worker, both apps).
// Debian's Chromium, one worker: the CI machines have two cores and the stack itself needs one.
import { defineConfig } from '@playwright/test';
import { consoleURL } from './fixtures/urls';

export default defineConfig({
  testDir: 'e2e',
  // E2E_OUTPUT_DIR with E2E_PORT_OFFSET lets two runs share a machine without sharing results.
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    // Fail an action in seconds rather than at the test timeout, so a broken page reports quickly.
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: 'node ../scripts/e2e-stack.mjs',
    url: consoleURL,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'pipe',
  },
});
