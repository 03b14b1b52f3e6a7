import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectron, skipReason } from './electron-binary.js';

// Journey: start the desktop app on a fresh portfolio, add the first debt item, see it in the table.
const root = path.resolve(import.meta.dirname, '..', '..');
const electronBinary = findElectron(root);

function definedEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

test.describe('desktop app', () => {
  test.skip('missing' in electronBinary, skipReason(electronBinary));

  test('adds the first debt item to a new portfolio', async () => {
    if (!('binary' in electronBinary)) return;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'paydown-electron-e2e-'));
    const app = await electron.launch({
      executablePath: electronBinary.binary,
      // Chromium refuses to start as root unless its own sandbox is off (CI containers run as root).
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), path.join(root, 'dist', 'electron', 'main.mjs')],
      env: {
        ...definedEnv(),
        PAYDOWN_DB: path.join(dataDir, 'smoke.paydown'),
        // Own userData: a separate single-instance lock and recent-files list from any Paydown the user runs.
        PAYDOWN_USER_DATA: path.join(dataDir, 'user-data'),
      },
    });
    try {
      const page = await app.firstWindow();
      await expect
        .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle()))
        .toBe('smoke.paydown — Paydown');

      await page.getByRole('button', { name: 'Add your first debt item' }).click();
      const form = page.getByRole('dialog', { name: 'New debt item' });
      await form.getByLabel('Title').fill('Replace the hand-rolled date parser');
      await form.getByLabel('Likelihood').fill('4');
      await form.getByLabel('Impact').fill('3');
      await form.getByLabel('Low effort').fill('1');
      await form.getByLabel('Likely effort').fill('2');
      await form.getByLabel('High effort').fill('5');
      await form.getByLabel('Interest per sprint').fill('1');
      await form.getByRole('button', { name: 'Save' }).click();

      await expect(form).toBeHidden();
      await expect(page.getByRole('table', { name: 'Debt items' }).getByRole('row').filter({ hasText: 'Replace the hand-rolled date parser' })).toBeVisible();
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
