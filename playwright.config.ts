import { defineConfig } from '@playwright/test';
import { findElectron, skipReason } from './e2e/electron/electron-binary.js';

// Debian's Chromium: Playwright's own browser download cannot reach its servers from our machines.
const chromium = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

const electron = findElectron(import.meta.dirname);
// Playwright's list reporter shows a skipped test without its reason; say it once where the log shows it.
if ('missing' in electron && process.env['TEST_WORKER_INDEX'] === undefined) console.log(`[electron project] the desktop smoke journey will be skipped. ${skipReason(electron)}`);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // Two cores: one worker keeps timings steady and avoids starving the preview host.
  workers: 1,
  fullyParallel: false,
  forbidOnly: process.env['CI'] !== undefined,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    headless: true,
    launchOptions: chromium,
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'chromium', testDir: 'e2e/journeys', use: { browserName: 'chromium' } },
    // Runs the smoke journey in the real desktop shell where Electron's binary exists; skips itself otherwise.
    { name: 'electron', testDir: 'e2e/electron' },
  ],
});
