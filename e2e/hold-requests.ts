import type { Page } from '@playwright/test';

/**
 * Holds every request to `url` in the browser until the answered function is called, then lets them all go on
 * to the host: so a test can see what the page does while a read is still on its way, or make sure the host
 * starts a read only after some moment.
 */
export async function holdRequests(page: Page, url: string): Promise<() => void> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(url, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}
