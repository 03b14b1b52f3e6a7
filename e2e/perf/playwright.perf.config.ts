import { defineConfig } from '@playwright/test';

// Browser measurements: run on demand with `npx playwright test -c e2e/perf/playwright.perf.config.ts`.
// They print figures and ratios and never assert on time (STYLE rule 19). Same Debian Chromium as the journeys.
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  outputDir: '../../test-results/perf',
  workers: 1,
  timeout: 300_000,
  reporter: 'list',
  use: {
    headless: true,
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium-perf', use: { browserName: 'chromium' } }],
});
