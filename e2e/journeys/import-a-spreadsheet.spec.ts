import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';
import { countRows } from '../portfolio-file.js';

const FIXTURES = path.resolve('electron/import/fixtures');

/** Drops a file on the window the way a file manager does: dragenter, dragover and drop carrying a File. */
async function dropFile(page: Page, name: string, content: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([fileName, text]) => {
      const data = new DataTransfer();
      data.items.add(new File([text], fileName, { type: 'text/csv' }));
      return data;
    },
    [name, content] as const,
  );
  const target = page.locator('.workspace');
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await expect(page.getByText('Drop a CSV or JSON file to import')).toBeVisible();
  await target.dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByText('Drop a CSV or JSON file to import')).toBeHidden();
}

test('import a spreadsheet: drop it, check the columns, preview, import, see it in table and matrix', async ({ app }) => {
  const { page } = app;
  const csv = await readFile(path.join(FIXTURES, 'generic-debt.csv'), 'utf8');
  await dropFile(page, 'generic-debt.csv', csv);

  const wizard = page.getByRole('dialog', { name: 'Import debt items' });
  await expect(wizard.getByText('generic-debt.csv')).toBeVisible();
  await expect(wizard.getByLabel('Format')).toContainText('Detected: CSV (generic columns)');
  await wizard.getByRole('button', { name: 'Next' }).click();

  const description = wizard.getByLabel('Field for column Description');
  await expect(description).toHaveValue('description');
  await expect(wizard.getByLabel('Field for column Interest per sprint')).toHaveValue('interest');
  await description.selectOption({ label: 'Ignore this column' });
  await expect(description).toHaveValue('');
  await wizard.getByRole('button', { name: 'Preview' }).click();

  await expect(wizard.locator('[data-count="new"]')).toHaveText('24');
  await expect(wizard.locator('[data-count="errors"]')).toHaveText('0');
  await expect(wizard.getByText('Read as a generic CSV, comma-separated.')).toBeVisible();
  expect(countRows(app.dbPath, 'debt_items')).toBe(0);

  await wizard.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(wizard.getByText('24 items imported')).toBeVisible();
  expect(countRows(app.dbPath, 'debt_items')).toBe(24);
  await wizard.getByRole('button', { name: 'Show imported items' }).click();
  await expect(wizard).toBeHidden();

  const table = page.getByRole('table', { name: 'Debt items' });
  await expect(page.locator('.pager-summary')).toContainText('of 24');
  await expect(table.locator('tr.item-row').first()).toBeVisible();
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Matrix' }).click();
  await expect(page.getByTestId('matrix-count')).toHaveText('24 items in the matrix');
});

test('a broken file picked with Import… shows its row and line and writes nothing', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Import…' }).click();
  const wizard = page.getByRole('dialog', { name: 'Import debt items' });
  await wizard.getByLabel('File to import').setInputFiles(path.join(FIXTURES, 'bad', 'truncated-quote.csv'));
  await expect(wizard.getByText('truncated-quote.csv')).toBeVisible();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Preview' }).click();

  const problems = wizard.getByRole('alert');
  await expect(problems).toContainText('Row 4, line 6:');
  await expect(problems).toContainText('A quoted cell opens on line 6');
  await expect(wizard.locator('[data-count="new"]')).toHaveText('0');
  await expect(wizard.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await wizard.getByRole('button', { name: 'Cancel' }).click();
  await expect(wizard).toBeHidden();
  expect(countRows(app.dbPath, 'debt_items')).toBe(0);
});
