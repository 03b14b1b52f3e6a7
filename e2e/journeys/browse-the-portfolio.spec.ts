import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '../fixtures.js';

test('load the sample portfolio, filter, search and sort it', async ({ app }, testInfo) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Load sample portfolio' }).click();
  const table = page.getByRole('table', { name: 'Debt items' });
  await expect(table.getByRole('row')).not.toHaveCount(1);
  const summary = page.locator('.pager-summary');
  await expect(summary).toContainText(/of 4\d/);

  const filters = page.getByRole('region', { name: 'Filters' });
  await filters.getByLabel('Kind').selectOption('security');
  await expect(table.locator('tr.item-row')).not.toHaveCount(0);
  for (const kind of await table.locator('tr.item-row td:nth-child(2)').allTextContents()) {
    expect(kind.toLowerCase()).toContain('security');
  }

  await filters.getByLabel('Kind').selectOption('');
  await filters.getByLabel('Search').fill('zoe');
  await expect(table.locator('tr.item-row').first()).toContainText('Zoë');
  const zoeRows = await table.locator('tr.item-row').count();
  expect(zoeRows).toBeGreaterThan(0);
  await filters.getByLabel('Search').fill('no such debt anywhere');
  await expect(page.getByRole('heading', { name: 'No debt items match these filters' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(summary).toContainText(/of 4\d/);

  await table.getByRole('button', { name: 'Risk' }).click();
  const riskHeader = table.locator('th[aria-sort]');
  await expect(riskHeader).toContainText('Risk');
  const sortAttr = await riskHeader.getAttribute('aria-sort');
  const risks = (await table.locator('tr.item-row td:nth-child(5) .risk').allTextContents()).map((t) => Number.parseInt(t, 10));
  const sorted = [...risks].sort((a, b) => (sortAttr === 'ascending' ? a - b : b - a));
  expect(risks).toEqual(sorted);

  await page.screenshot({ path: testInfo.outputPath('sample-portfolio.png'), fullPage: true });
  await testInfo.attach('sample-portfolio', { path: testInfo.outputPath('sample-portfolio.png'), contentType: 'image/png' });

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('rename the portfolio and change its unit in Settings', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Portfolio settings' });
  await dialog.getByLabel('Portfolio name').fill('');
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog.locator('#settings-name-error')).toHaveText('Give the portfolio a name.');
  await dialog.getByLabel('Portfolio name').fill('Payments platform');
  await dialog.getByLabel('Unit').selectOption('hours');
  await dialog.getByLabel('Sprint length (days)').fill('10');
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payments platform');

  await app.restart();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payments platform');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Portfolio settings' }).getByLabel('Unit')).toHaveValue('hours');
});
