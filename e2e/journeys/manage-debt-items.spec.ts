import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';
import { countRows } from '../portfolio-file.js';

async function fillItem(page: Page, values: { title: string; likelihood: string; impact: string; low: string; likely: string; high: string; interest: string }) {
  const dialog = page.getByRole('dialog', { name: 'New debt item' });
  await dialog.getByLabel('Title').fill(values.title);
  await dialog.getByLabel('Likelihood').fill(values.likelihood);
  await dialog.getByLabel('Impact').fill(values.impact);
  await dialog.getByLabel('Low effort').fill(values.low);
  await dialog.getByLabel('Likely effort').fill(values.likely);
  await dialog.getByLabel('High effort').fill(values.high);
  await dialog.getByLabel('Interest per sprint').fill(values.interest);
  return dialog;
}

test('create an item, edit it, find it again after a restart, then delete it', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'No technical debt recorded yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Add your first debt item' }).click();

  const dialog = await fillItem(page, { title: 'Flaky checkout tests', likelihood: '4', impact: '3', low: '2', likely: '3', high: '8', interest: '1.5' });
  await dialog.getByLabel('Owner').fill('Zoë Lindqvist');
  await dialog.getByLabel('Tags').fill('ci, flaky');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  const table = page.getByRole('table', { name: 'Debt items' });
  const row = table.getByRole('row').filter({ hasText: 'Flaky checkout tests' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Zoë Lindqvist');
  await expect(row).toContainText('12');
  expect(countRows(app.dbPath, 'debt_items')).toBe(1);

  await row.getByRole('button', { name: 'Edit “Flaky checkout tests”' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit debt item' });
  await expect(editor.getByLabel('Title')).toHaveValue('Flaky checkout tests');
  await editor.getByLabel('Title').fill('Flaky checkout end-to-end tests');
  await editor.getByLabel('Impact').fill('5');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  const edited = table.getByRole('row').filter({ hasText: 'Flaky checkout end-to-end tests' });
  await expect(edited).toContainText('20');

  await app.restart();
  const afterRestart = page.getByRole('table', { name: 'Debt items' }).getByRole('row').filter({ hasText: 'Flaky checkout end-to-end tests' });
  await expect(afterRestart).toHaveCount(1);
  await expect(afterRestart).toContainText('Zoë Lindqvist');
  await expect(afterRestart).toContainText('20');

  await afterRestart.getByRole('button', { name: 'Delete “Flaky checkout end-to-end tests”' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete debt item' });
  await expect(confirm).toContainText('Delete “Flaky checkout end-to-end tests”? This cannot be undone from this screen.');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(afterRestart).toHaveCount(1);
  await afterRestart.getByRole('button', { name: 'Delete “Flaky checkout end-to-end tests”' }).click();
  await page.getByRole('dialog', { name: 'Delete debt item' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { name: 'No technical debt recorded yet' })).toBeVisible();
  expect(countRows(app.dbPath, 'debt_items')).toBe(0);
  // create, update, delete: the history keeps all three.
  expect(countRows(app.dbPath, 'audit_log')).toBe(3);
});

test('invalid input shows a message beside each field and writes nothing', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Add your first debt item' }).click();
  const dialog = await fillItem(page, { title: '', likelihood: '7', impact: '3', low: '5', likely: '3', high: '8', interest: '1' });
  await dialog.getByRole('button', { name: 'Save' }).click();

  await expect(dialog).toBeVisible();
  await expect(dialog.locator('#item-title-error')).toHaveText('The title is required.');
  await expect(dialog.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.locator('#item-likelihood-error')).toHaveText('Likelihood must be from 1 to 5.');
  await expect(dialog.locator('#item-effort-low-error')).toHaveText('Low effort cannot be more than the likely effort.');
  expect(countRows(app.dbPath, 'debt_items')).toBe(0);
  expect(countRows(app.dbPath, 'audit_log')).toBe(0);

  // Fixing the fields clears their messages, and only then does Save write.
  await dialog.getByLabel('Title').fill('Legacy payment adapter');
  await dialog.getByLabel('Likelihood').fill('2');
  await dialog.getByLabel('Low effort').fill('1');
  await expect(dialog.locator('.field-error')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  expect(countRows(app.dbPath, 'debt_items')).toBe(1);
});
