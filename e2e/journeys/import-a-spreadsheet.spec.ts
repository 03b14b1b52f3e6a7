import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';
import { addSprints } from '../plan-steps.js';
import { countRows, storedLevels } from '../portfolio-file.js';

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

test('words the level rule does not know are flagged, given a level, and the mapping is reused next time', async ({ app }) => {
  const { page } = app;
  const file = path.join(path.dirname(app.dbPath), 'risks.csv');
  await writeFile(
    file,
    ['Title,Likelihood,Impact,Effort', 'Rewrite billing,Very likely,High,5', 'Drop IE11 polyfills,Seldom,Low,2', 'Split the monolith,very likely,Medium,13', ''].join('\n'),
  );
  await page.getByRole('button', { name: 'Import…' }).click();
  const wizard = page.getByRole('dialog', { name: 'Import debt items' });
  await wizard.getByLabel('File to import').setInputFiles(file);
  await wizard.getByRole('button', { name: 'Next' }).click();

  const rule = wizard.getByRole('list', { name: 'Level rule in effect' });
  await expect(rule.locator('[data-level="4"]')).toContainText('High');
  await expect(rule.locator('[data-level="3"]')).toContainText('Medium');
  await expect(wizard.getByText('2 words in the file match no rule')).toBeVisible();
  await expect(wizard.locator('[data-check="errors"]')).toHaveText('3 errors');

  await wizard.getByLabel('Level for “Very likely”').selectOption('5');
  await wizard.getByLabel('Level for “Seldom”').selectOption('1');
  await expect(wizard.getByText(/match no rule/)).toBeHidden();
  await expect(rule.locator('[data-level="5"]')).toContainText('Very likely');
  await expect(rule.locator('[data-level="1"]')).toContainText('Seldom');
  await expect(wizard.locator('[data-check="errors"]')).toHaveText('0 errors');
  await expect(wizard.locator('[data-check="counts"]')).toContainText('3 new');

  await wizard.getByRole('button', { name: 'Preview' }).click();
  await expect(wizard.locator('[data-count="new"]')).toHaveText('3');
  await expect(wizard.locator('[data-count="errors"]')).toHaveText('0');
  await wizard.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(wizard.getByText('3 items imported')).toBeVisible();
  expect(storedLevels(app.dbPath).map(({ title, likelihood, impact }) => [title, likelihood, impact])).toEqual([
    ['Drop IE11 polyfills', 1, 2],
    ['Rewrite billing', 5, 4],
    ['Split the monolith', 5, 3],
  ]);
  await wizard.getByRole('button', { name: 'Close' }).click();

  // The next import of the same spreadsheet, after a restart (a new preview address, so nothing kept by the
  // browser survives), starts from the mapping saved in the portfolio: nothing to fix, nothing changes.
  await app.restart();
  await page.getByRole('button', { name: 'Import…' }).click();
  await wizard.getByLabel('File to import').setInputFiles(file);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByText(/Using the mapping saved at your last import/)).toBeVisible();
  await expect(wizard.getByLabel('Level for “Very likely”')).toHaveValue('5');
  await expect(wizard.locator('[data-check="errors"]')).toHaveText('0 errors');
  await expect(wizard.locator('[data-check="counts"]')).toContainText('3 unchanged');
});

test('a semicolon file the detection misreads imports once its delimiter and decimal comma are chosen', async ({ app }) => {
  const { page } = app;
  const file = path.join(path.dirname(app.dbPath), 'export.csv');
  // The header has more commas than semicolons, so detection picks the comma.
  await writeFile(file, ['Title;Effort, in days, likely;Notes, free text', 'Rewrite billing;2,5;Needs a plan', 'Drop IE11 polyfills;0,5;Quick', ''].join('\n'));
  await page.getByRole('button', { name: 'Import…' }).click();
  const wizard = page.getByRole('dialog', { name: 'Import debt items' });
  await wizard.getByLabel('File to import').setInputFiles(file);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByLabel('Delimiter')).toContainText('Detect (found: comma)');
  await expect(wizard.getByTestId('mapping-check')).toContainText('No column holds the item titles');

  await wizard.getByLabel('Delimiter').selectOption({ label: 'semicolon' });
  await wizard.getByLabel('Decimal separator').selectOption({ label: 'comma (2,5)' });
  await wizard.getByLabel('Field for column Effort, in days, likely').selectOption({ label: 'Effort (likely)' });
  await expect(wizard.locator('[data-check="errors"]')).toHaveText('0 errors');
  await expect(wizard.locator('[data-check="counts"]')).toContainText('2 new');

  await wizard.getByRole('button', { name: 'Preview' }).click();
  await expect(wizard.getByText('Read as a generic CSV, semicolon-separated.')).toBeVisible();
  await wizard.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(wizard.getByText('2 items imported')).toBeVisible();
  expect(storedLevels(app.dbPath).map(({ title, effortLikely }) => [title, effortLikely])).toEqual([
    ['Drop IE11 polyfills', 0.5],
    ['Rewrite billing', 2.5],
  ]);
});

test('an impossible effort conversion is explained beside its field and blocks the preview', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Import…' }).click();
  const wizard = page.getByRole('dialog', { name: 'Import debt items' });
  await wizard.getByLabel('File to import').setInputFiles(path.join(FIXTURES, 'sonarqube-issues.json'));
  await wizard.getByRole('button', { name: 'Next' }).click();

  const effort = wizard.getByRole('group', { name: 'Effort conversion' });
  await expect(effort).toContainText('story points');
  const hoursPerDay = effort.getByLabel('Hours per day');
  await hoursPerDay.fill('30');
  const message = effort.getByText('Hours per day must be a number more than 0 and at most 24');
  await expect(message).toBeVisible();
  await expect(hoursPerDay).toHaveAttribute('aria-invalid', 'true');
  await expect(hoursPerDay).toHaveAttribute('aria-describedby', new RegExp(`${(await message.getAttribute('id')) ?? 'missing'}$`));
  await expect(wizard.getByRole('button', { name: 'Preview' })).toBeDisabled();

  await hoursPerDay.fill('7.5');
  await expect(message).toBeHidden();
  await wizard.getByLabel('Items').selectOption({ label: 'One item per rule and file' });
  await expect(wizard.locator('[data-check="errors"]')).toHaveText('0 errors');
  await wizard.getByRole('button', { name: 'Preview' }).click();
  await expect(wizard.locator('[data-count="errors"]')).toHaveText('0');
  expect(countRows(app.dbPath, 'debt_items')).toBe(0);
});

/** A 30,000-row spreadsheet (about 2 MB), written into the test's own data folder. */
async function writeLargeCsv(dir: string): Promise<string> {
  const rows = Array.from({ length: LARGE_ROWS }, (_, i) => `Large item ${String(i + 1)},"Found in module ${String(i % 97)}, needs a look",${String((i % 5) + 1)},${String(((i + 2) % 5) + 1)},${String((i % 8) + 1)},0.5,"ci, load"`);
  const file = path.join(dir, 'large-backlog.csv');
  await writeFile(file, `Title,Description,Likelihood,Impact,Effort,Interest per sprint,Tags\n${rows.join('\n')}\n`);
  return file;
}

const LARGE_ROWS = 30_000;

async function pickLargeFile(page: Page, dbPath: string) {
  await page.getByRole('button', { name: 'Import…' }).click();
  const wizard = page.getByRole('dialog', { name: 'Import debt items' });
  await wizard.getByLabel('File to import').setInputFiles(await writeLargeCsv(path.dirname(dbPath)));
  await expect(wizard.getByText('large-backlog.csv')).toBeVisible();
  await wizard.getByRole('button', { name: 'Next' }).click();
  return wizard;
}

/**
 * Watches the page for a job's progress bar ("Preview" or "Import"), and optionally clicks its Cancel
 * button the moment it appears. The preview host runs inside this test's process, so while a job's slice
 * runs the test runner cannot poll the page; an observer in the page sees what the user sees.
 */
function watchProgress(page: Page, what: 'Preview' | 'Import', cancel: boolean): Promise<boolean> {
  return page.evaluate(
    ([label, clickCancel]) =>
      new Promise<boolean>((resolve) => {
        const observer = new MutationObserver(() => {
          if (document.querySelector(`progress[aria-label="${label} progress"]`) === null) return;
          observer.disconnect();
          if (clickCancel) {
            const button = [...document.querySelectorAll('button')].find((b) => b.textContent === `Cancel ${label.toLowerCase()}`);
            button?.click();
          }
          resolve(true);
        });
        observer.observe(document.body, { childList: true, subtree: true });
      }),
    [what, cancel] as const,
  );
}

test('a large spreadsheet previews and imports with a progress bar', async ({ app }) => {
  const { page } = app;
  const wizard = await pickLargeFile(page, app.dbPath);
  const sawPreviewProgress = watchProgress(page, 'Preview', false);
  await wizard.getByRole('button', { name: 'Preview', exact: true }).click();
  expect(await sawPreviewProgress).toBe(true);
  await expect(wizard.locator('[data-count="new"]')).toHaveText('30,000', { timeout: 60_000 });
  await expect(wizard.getByRole('progressbar')).toBeHidden();
  expect(countRows(app.dbPath, 'debt_items')).toBe(0);

  const sawProgress = watchProgress(page, 'Import', false);
  await wizard.getByRole('button', { name: 'Import', exact: true }).click();
  expect(await sawProgress).toBe(true);
  await expect(wizard.getByText('30,000 items imported')).toBeVisible({ timeout: 60_000 });
  expect(countRows(app.dbPath, 'debt_items')).toBe(LARGE_ROWS);
  expect(countRows(app.dbPath, 'audit_log')).toBe(LARGE_ROWS);
});

test('a large import can be cancelled, and then nothing is written', async ({ app }) => {
  const { page } = app;
  const wizard = await pickLargeFile(page, app.dbPath);
  await wizard.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(wizard.locator('[data-count="new"]')).toHaveText('30,000', { timeout: 60_000 });

  const cancelled = watchProgress(page, 'Import', true);
  await wizard.getByRole('button', { name: 'Import', exact: true }).click();
  expect(await cancelled).toBe(true);
  await expect(wizard.getByRole('status').filter({ hasText: 'Import cancelled — nothing was written.' })).toBeVisible();
  await expect(wizard.getByRole('progressbar')).toBeHidden();
  await expect(wizard.getByRole('button', { name: 'Import', exact: true })).toBeEnabled();
  expect(countRows(app.dbPath, 'debt_items')).toBe(0);
  expect(countRows(app.dbPath, 'audit_log')).toBe(0);
});

/** Clicks a job's Cancel button once its bar says it is writing items and has written some of them. */
function cancelWhileWriting(page: Page, what: 'Preview' | 'Import'): Promise<string> {
  return page.evaluate(
    (label) =>
      new Promise<string>((resolve) => {
        const observer = new MutationObserver(() => {
          const text = document.querySelector('.import-progress-text')?.textContent ?? '';
          const percent = Number(/(\d+)%/.exec(text)?.[1] ?? 0);
          if (!text.startsWith('Writing the items') || percent <= 20) return;
          observer.disconnect();
          [...document.querySelectorAll('button')].find((b) => b.textContent === `Cancel ${label.toLowerCase()}`)?.click();
          resolve(text);
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      }),
    what,
  );
}

test('a large import cancelled while it writes rolls back every row it wrote', async ({ app }) => {
  const { page } = app;
  const wizard = await pickLargeFile(page, app.dbPath);
  await wizard.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(wizard.locator('[data-count="new"]')).toHaveText('30,000', { timeout: 60_000 });

  const cancelledAt = cancelWhileWriting(page, 'Import');
  await wizard.getByRole('button', { name: 'Import', exact: true }).click();
  expect(await cancelledAt).toMatch(/^Writing the items… (2[1-9]|[3-9]\d)%/);
  await expect(wizard.getByRole('status').filter({ hasText: 'Import cancelled — nothing was written.' })).toBeVisible();
  expect(countRows(app.dbPath, 'debt_items')).toBe(0);
  expect(countRows(app.dbPath, 'audit_log')).toBe(0);
  // The portfolio answers again at once: the import's transaction was rolled back, not left open.
  await wizard.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(wizard.getByText('30,000 items imported')).toBeVisible({ timeout: 60_000 });
  expect(countRows(app.dbPath, 'debt_items')).toBe(LARGE_ROWS);
});

test('GitHub issues come in without an estimate: the plan leaves them out and says why', async ({ app }) => {
  const { page } = app;
  await dropFile(page, 'github-issues.json', await readFile(path.join(FIXTURES, 'github-issues.json'), 'utf8'));
  const wizard = page.getByRole('dialog', { name: 'Import debt items' });
  await expect(wizard.getByLabel('Format')).toContainText('GitHub');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Preview' }).click();
  await wizard.getByRole('button', { name: 'Import', exact: true }).click();
  const imported = wizard.getByText(/\d+ items imported/);
  await expect(imported).toBeVisible();
  const importedCount = Number(/(\d+) items imported/.exec((await imported.textContent()) ?? '')?.[1]);
  await wizard.getByRole('button', { name: 'Show imported items' }).click();
  await expect(page.getByRole('table', { name: 'Debt items' }).locator('tr.item-row').first()).toContainText('not estimated');

  // The matrix counts them apart instead of calling them free to fix ("no effort") and so "Pay down now".
  const views = page.getByRole('group', { name: 'View' });
  await views.getByRole('button', { name: 'Matrix' }).click();
  const matrix = page.getByRole('region', { name: 'Priority matrix' });
  await expect(matrix.getByTestId('count-notEstimated')).toHaveText(String(importedCount));
  for (const quadrant of ['payDownNow', 'planDeliberately', 'quickWins', 'acceptAndMonitor']) {
    await expect(matrix.getByTestId(`count-${quadrant}`)).toHaveText('0');
  }
  await expect(matrix.getByRole('group', { name: /Priority matrix plot/ })).toHaveAttribute('data-visible-count', '0');
  await matrix.getByRole('button', { name: 'Estimate them in the table' }).click();
  await expect(page.getByLabel('Tag')).toHaveValue('effort-unknown');
  await expect(page.locator('.pager-summary')).toContainText(`of ${String(importedCount)}`);

  // Estimating one takes it off the list: the tag goes with the estimate, and the matrix plots it.
  const first = page.getByRole('table', { name: 'Debt items' }).locator('tr.item-row').first();
  await first.getByRole('button', { name: /^Edit / }).click();
  const editor = page.getByRole('dialog', { name: 'Edit debt item' });
  await editor.getByLabel('Low effort').fill('1');
  await editor.getByLabel('Likely effort').fill('2');
  await editor.getByLabel('High effort').fill('5');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(page.locator('.pager-summary')).toContainText(`of ${String(importedCount - 1)}`);
  await views.getByRole('button', { name: 'Matrix' }).click();
  await expect(matrix.getByTestId('matrix-count')).toHaveText(`${String(importedCount - 1)} items in the matrix`);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(matrix.getByTestId('matrix-count')).toHaveText(`${String(importedCount)} items in the matrix`);
  await expect(matrix.getByTestId('count-notEstimated')).toHaveText(String(importedCount - 1));
  await expect(matrix.getByRole('group', { name: /Priority matrix plot/ })).toHaveAttribute('data-visible-count', '1');

  const plan = await addSprints(page, { start: '2026-01-05', count: 2, capacity: 40 });
  await expect(plan.getByText('not estimated: give it an effort estimate to plan it').first()).toBeVisible();
  await expect(plan.getByRole('list', { name: 'Items planned in S1' }).getByRole('listitem')).toHaveCount(0);
});
