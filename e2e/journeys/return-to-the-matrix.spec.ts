import { execFileSync } from 'node:child_process';
import { expect, test } from '../fixtures.js';
import { holdRequests } from '../hold-requests.js';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('the matrix is read in the background, and again only after the portfolio changed, however often the team switches views', async ({ app }) => {
  const { page } = app;
  const matrixReads: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/items.matrix')) matrixReads.push(request.url());
  });
  await page.getByRole('button', { name: 'Load sample portfolio' }).click();
  const summary = page.locator('.pager-summary');
  await expect(summary).toContainText(/of \d+/);
  const itemCount = Number(/of ([\d,]+)/.exec((await summary.textContent()) ?? '')?.[1]?.replace(',', ''));

  // Opened again, the app reads and scores the matrix in the background once the table shows.
  await app.restart();
  await expect(summary).toContainText(`of ${String(itemCount)}`);
  await page.waitForFunction(
    (n) => (performance.getEntriesByName('paydown:matrix-scored') as PerformanceMark[]).some((m) => (m.detail as { points: number }).points === n),
    itemCount,
  );
  const readsBefore = matrixReads.length;
  expect(readsBefore).toBeGreaterThan(0);

  // So opening the matrix reads nothing more: the host only confirms that nothing changed since.
  const views = page.getByRole('group', { name: 'View' });
  const count = page.getByTestId('matrix-count');
  const payDownNow = page.getByTestId('count-payDownNow');
  const confirmed = page.waitForResponse((response) => response.url().endsWith('/api/items.matrixRevision'));
  await views.getByRole('button', { name: 'Matrix' }).click();
  await confirmed;
  await expect(count).toHaveText(`${String(itemCount)} items in the matrix`);
  const urgent = Number(await payDownNow.textContent());

  // Nothing changed: the way back asks the host whether the matrix is still exact, and does not read it again.
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
  // While the changed portfolio is read again, the old picture stays and says it is about to change.
  const releaseRead = await holdRequests(page, '**/api/items.matrix');
  await views.getByRole('button', { name: 'Matrix' }).click();
  const updating = page.getByRole('status').filter({ hasText: 'Updating to the portfolio’s latest changes…' });
  await expect(updating).toBeVisible();
  await expect(count).toHaveText(`${String(itemCount)} items in the matrix`);
  releaseRead();
  await expect(count).toHaveText(`${String(itemCount + 1)} items in the matrix`);
  await expect(updating).toHaveCount(0);
  await expect(payDownNow).toHaveText(String(urgent + 1));
  expect(matrixReads).toHaveLength(readsBefore + 1);
});

test('the matrix keeps how the team set it up: axes and colour while they switch views, thresholds across restarts', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Load sample portfolio' }).click();
  const summary = page.locator('.pager-summary');
  await expect(summary).toContainText(/of \d+/);
  const itemCount = /of ([\d,]+)/.exec((await summary.textContent()) ?? '')?.[1] ?? '';
  const views = page.getByRole('group', { name: 'View' });
  await views.getByRole('button', { name: 'Matrix' }).click();
  await expect(page.getByTestId('matrix-count')).toHaveText(`${itemCount} items in the matrix`);
  const payDownNow = page.getByTestId('count-payDownNow');
  const planDeliberately = page.getByTestId('count-planDeliberately');
  await expect(payDownNow).toHaveText(/\d+/);
  const highRiskAt10 = Number(await payDownNow.textContent()) + Number(await planDeliberately.textContent());

  await page.getByLabel('X axis').selectOption({ label: 'Interest' });
  await page.getByLabel('Colour by').selectOption({ label: 'Status' });
  const riskThreshold = page.getByLabel('High risk from');
  const saved = page.waitForResponse((response) => response.url().endsWith('/api/scoring.set'));
  await riskThreshold.fill('16');
  // Fewer items count as high risk from 16 than from 10 in the sample portfolio.
  await expect
    .poll(async () => Number(await payDownNow.textContent()) + Number(await planDeliberately.textContent()))
    .toBeLessThan(highRiskAt10);
  const highRiskAt16 = Number(await payDownNow.textContent()) + Number(await planDeliberately.textContent());

  await views.getByRole('button', { name: 'Table' }).click();
  await expect(page.locator('.pager-summary')).toBeVisible();
  await views.getByRole('button', { name: 'Matrix' }).click();
  await expect(page.getByLabel('X axis')).toHaveValue('interest');
  await expect(page.getByLabel('Colour by')).toHaveValue('status');
  await expect(page.getByRole('list', { name: 'Colour: status' })).toContainText('In progress');
  await expect(riskThreshold).toHaveValue('16');
  expect((await saved).ok()).toBe(true);

  // The thresholds are the team's, saved with the portfolio's scoring settings: a restart keeps them.
  await app.restart();
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Matrix' }).click();
  await expect(page.getByLabel('High risk from')).toHaveValue('16');
  await expect(payDownNow).toHaveText(/\d+/);
  expect(Number(await payDownNow.textContent()) + Number(await planDeliberately.textContent())).toBe(highRiskAt16);
});
