import { execFileSync } from 'node:child_process';
import { expect, test } from '../fixtures.js';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('back and forth between table and matrix: the matrix is read once, and again only after the portfolio changed', async ({ app }) => {
  const { page } = app;
  const matrixReads: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/items.matrix')) matrixReads.push(request.url());
  });
  await page.getByRole('button', { name: 'Load sample portfolio' }).click();
  const summary = page.locator('.pager-summary');
  await expect(summary).toContainText(/of \d+/);
  const itemCount = Number(/of ([\d,]+)/.exec((await summary.textContent()) ?? '')?.[1]?.replace(',', ''));

  const views = page.getByRole('group', { name: 'View' });
  const count = page.getByTestId('matrix-count');
  const payDownNow = page.getByTestId('count-payDownNow');
  await views.getByRole('button', { name: 'Matrix' }).click();
  await expect(count).toHaveText(`${String(itemCount)} items in the matrix`);
  const urgent = Number(await payDownNow.textContent());

  // Nothing changed: the way back asks the host whether the matrix is still exact, and does not read it again.
  const readsBefore = matrixReads.length;
  await views.getByRole('button', { name: 'Table' }).click();
  await expect(summary).toBeVisible();
  const checked = page.waitForResponse((response) => response.url().endsWith('/api/items.matrixRevision'));
  await views.getByRole('button', { name: 'Matrix' }).click();
  await checked;
  await expect(count).toHaveText(`${String(itemCount)} items in the matrix`);
  // A read would start right after the check's answer; give it the time to show up if it were coming.
  await settle(300);
  expect(matrixReads).toHaveLength(readsBefore);

  // The CLI adds a critical item to the same file while the app is open: the next visit reads the matrix again.
  await views.getByRole('button', { name: 'Table' }).click();
  await expect(summary).toBeVisible();
  execFileSync(process.execPath, [
    'bin/paydown.mjs', 'items', 'add', '--db', app.dbPath, '--title', 'Expired signing certificate',
    '--likelihood', '5', '--impact', '5', '--effort', '1', '--interest', '3',
  ]);
  await views.getByRole('button', { name: 'Matrix' }).click();
  await expect(count).toHaveText(`${String(itemCount + 1)} items in the matrix`);
  await expect(payDownNow).toHaveText(String(urgent + 1));
  expect(matrixReads).toHaveLength(readsBefore + 1);
});
