import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { startPreviewHost } from '../electron/preview/preview-host.js';

export const RENDERER_DIR = path.resolve('dist/renderer');

export interface PaydownApp {
  readonly page: Page;
  /** The portfolio file of this test, in a temp folder of its own. */
  readonly dbPath: string;
  readonly url: string;
  /** Stops the preview host and starts a new one on the same file, as a user restarting the app would. */
  restart(): Promise<void>;
}

export const test = base.extend<{ app: PaydownApp }>({
  app: async ({ page }, use) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'paydown-e2e-'));
    const dbPath = path.join(dataDir, 'portfolio.paydown');
    let host = await startPreviewHost({ dbPath, rendererDir: RENDERER_DIR });
    await page.goto(host.url);
    const app: PaydownApp = {
      page,
      dbPath,
      get url() {
        return host.url;
      },
      async restart() {
        await host.close();
        host = await startPreviewHost({ dbPath, rendererDir: RENDERER_DIR });
        await page.goto(host.url);
      },
    };
    await use(app);
    await host.close();
    await rm(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
