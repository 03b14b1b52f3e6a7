import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expect, test } from '../fixtures.js';
import { countRows } from '../portfolio-file.js';

/** Drags with the left button through the given points of the plot (fractions of its box), in small steps as a hand would. */
async function drag(page: Page, plot: Locator, path: readonly (readonly [number, number])[], options: { shift?: boolean } = {}) {
  // The mouse only reaches what is in the viewport, and the plot sits below the matrix's controls.
  await plot.scrollIntoViewIfNeeded();
  const box = await plot.boundingBox();
  if (box === null) throw new Error('The plot has no box.');
  const at = ([fx, fy]: readonly [number, number]) => ({ x: box.x + fx * box.width, y: box.y + fy * box.height });
  const [first, ...rest] = path.map(at);
  if (first === undefined) return;
  if (options.shift === true) await page.keyboard.down('Shift');
  await page.mouse.move(first.x, first.y);
  await page.mouse.down();
  for (const p of rest) await page.mouse.move(p.x, p.y, { steps: 4 });
  await page.mouse.up();
  if (options.shift === true) await page.keyboard.up('Shift');
}

/** Edits the oldest item straight in the file, as another Paydown window would, and answers its title. */
function changeElsewhere(dbPath: string): string {
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    const row = db.prepare('SELECT id, title FROM debt_items ORDER BY seq LIMIT 1').get() as { id: string; title: string }; // the sample has items
    db.prepare('UPDATE debt_items SET version = version + 1 WHERE id = ?').run(row.id);
    return row.title;
  } finally {
    db.close();
  }
}

const selectedCount = async (bar: Locator): Promise<number> => Number(/^([\d,]+) selected$/.exec((await bar.getByTestId('bulk-count').textContent()) ?? '')?.[1]?.replace(',', ''));

/** How many pixels of the selection rings' canvas are not transparent: the rings as drawn, not as counted. */
function inkedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const ctx = element.getContext('2d');
    if (ctx === null) return -1;
    const { data } = ctx.getImageData(0, 0, element.width, element.height);
    let inked = 0;
    for (let k = 3; k < data.length; k += 4) if ((data[k] ?? 0) > 0) inked += 1;
    return inked;
  });
}

function axeViolations(page: Page, include: string) {
  return new AxeBuilder({ page })
    .include(include)
    .analyze()
    .then((axe) => axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`));
}

test('select points on the matrix with a box or a lasso and plan, set or accept them all at once', async ({ app }) => {
  const { page, dbPath } = app;
  await page.getByRole('button', { name: 'Load sample portfolio' }).click();
  await expect(page.locator('.pager-summary')).toContainText(/of \d+/);
  const itemCount = Number(/of ([\d,]+)/.exec((await page.locator('.pager-summary').textContent()) ?? '')?.[1]?.replace(',', ''));

  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Matrix' }).click();
  const matrix = page.getByRole('region', { name: 'Priority matrix' });
  const plot = matrix.getByRole('group', { name: /Priority matrix plot/ });
  const bar = matrix.getByRole('region', { name: 'Selection' });
  await expect(plot).toHaveAttribute('data-visible-count', String(itemCount));
  await expect(bar.getByTestId('bulk-count')).toHaveText(/Shift\+drag/);

  // Box select the whole plot and set every item to Open: a known starting point for the checks below.
  await bar.getByRole('button', { name: 'Box select' }).click();
  await expect(bar.getByRole('button', { name: 'Box select' })).toHaveAttribute('aria-pressed', 'true');
  await drag(page, plot, [
    [0.005, 0.005],
    [0.5, 0.5],
    [0.995, 0.995],
  ]);
  await expect(bar.getByTestId('bulk-count')).toHaveText(`${String(itemCount)} selected`);
  await expect(plot.locator('.matrix-selection-canvas')).toHaveAttribute('data-picked', String(itemCount));
  await bar.getByLabel('New status').selectOption('open');
  await bar.getByRole('button', { name: 'Set status' }).click();
  await expect(page.getByText(`Set ${String(itemCount)} items to Open.`)).toBeVisible();
  await expect(bar.getByTestId('bulk-count')).toHaveText(/Shift\+drag/);
  const auditAfterReset = countRows(dbPath, 'audit_log');

  // Box select the upper right quarter ("Pay down now"), check the count, and plan them in one go.
  await drag(page, plot, [
    [0.55, 0.02],
    [0.99, 0.45],
  ]);
  await expect(bar.getByTestId('bulk-count')).toHaveText(/^\d+ selected$/);
  const planned = await selectedCount(bar);
  expect(planned).toBeGreaterThan(0);
  expect(planned).toBeLessThan(itemCount);
  await bar.getByRole('button', { name: 'Plan', exact: true }).click();
  await expect(page.getByText(`Planned ${String(planned)} item${planned === 1 ? '' : 's'}.`)).toBeVisible();
  await expect(bar.getByTestId('bulk-count')).toHaveText(/Shift\+drag/);
  // One audit entry per planned item, written in the same transaction as the change.
  expect(countRows(dbPath, 'audit_log')).toBe(auditAfterReset + planned);

  // The table agrees: exactly the planned items have the Planned status.
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Table' }).click();
  const filters = page.getByRole('region', { name: 'Filters' });
  await filters.getByLabel('Planned').check();
  await expect(page.locator('.pager-summary')).toContainText(`of ${String(planned)}`);
  await expect(page.getByRole('table', { name: 'Debt items' }).locator('tr.item-row')).toHaveCount(planned);
  await filters.getByLabel('Planned').uncheck();
  await expect(page.locator('.pager-summary')).toContainText(`of ${String(itemCount)}`);

  // Shift+drag selects a box while the plot is in pan mode; Escape clears the selection.
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Matrix' }).click();
  await bar.getByRole('button', { name: 'Pan' }).click();
  await drag(
    page,
    plot,
    [
      [0.02, 0.02],
      [0.98, 0.98],
    ],
    { shift: true },
  );
  await expect(bar.getByTestId('bulk-count')).toHaveText(/^\d+ selected$/);
  const rings = plot.locator('.matrix-selection-canvas');
  await expect.poll(() => inkedPixels(rings)).toBeGreaterThan(0);
  await plot.focus();
  await page.keyboard.press('Escape');
  await expect(bar.getByTestId('bulk-count')).toHaveText(/Shift\+drag/);
  await expect(rings).toHaveAttribute('data-picked', '0');
  await expect.poll(() => inkedPixels(rings)).toBe(0);
  // Without a pointer, "Select all" takes every item the filters show; "Clear selection" empties it again.
  await bar.getByRole('button', { name: 'Select all' }).click();
  await expect(bar.getByTestId('bulk-count')).toHaveText(`${String(itemCount)} selected`);

  // An item changed elsewhere since it was selected refuses the whole change, says which, and writes nothing.
  const stale = changeElsewhere(dbPath);
  const auditBeforeConflict = countRows(dbPath, 'audit_log');
  await bar.getByRole('button', { name: 'Plan', exact: true }).click();
  await expect(page.getByText(`1 of ${String(itemCount)} selected items changed or were deleted since you selected them`)).toContainText(`“${stale}” is now version`);
  expect(countRows(dbPath, 'audit_log')).toBe(auditBeforeConflict);
  await expect(bar.getByTestId('bulk-count')).toHaveText(`${String(itemCount)} selected`);
  await bar.getByRole('button', { name: 'Clear selection' }).click();
  await expect(bar.getByTestId('bulk-count')).toHaveText(/Shift\+drag/);

  // Lasso a triangle over the left half, then accept those items with a rationale and a review date.
  await bar.getByRole('button', { name: 'Lasso' }).click();
  await drag(page, plot, [
    [0.01, 0.01],
    [0.55, 0.01],
    [0.55, 0.99],
    [0.01, 0.99],
    [0.01, 0.02],
  ]);
  await expect(bar.getByTestId('bulk-count')).toHaveText(/^\d+ selected$/);
  const accepted = await selectedCount(bar);
  expect(accepted).toBeGreaterThan(0);
  const auditBeforeAccept = countRows(dbPath, 'audit_log');
  await bar.getByRole('button', { name: 'Accept…' }).click();
  const dialog = page.getByRole('dialog', { name: `Accept ${String(accepted)} item${accepted === 1 ? '' : 's'}` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: /^Accept \d+ items?$/ }).click();
  await expect(dialog.getByText('Say why this debt is accepted.')).toBeVisible();
  await expect(dialog.getByText('Choose when the team reviews this acceptance.')).toBeVisible();
  expect(countRows(dbPath, 'audit_log')).toBe(auditBeforeAccept);
  // The dialog opens inside the selection bar, so one check covers the bar with its actions and the dialog.
  expect(await axeViolations(page, '.matrix-bulk-bar')).toEqual([]);
  await dialog.getByLabel('Rationale').fill('Low risk and cheap to carry until the checkout rewrite.');
  await dialog.getByLabel('Review date').fill('2030-06-30');
  await dialog.getByLabel('Acceptance owner').fill('Zoë');
  await dialog.getByRole('button', { name: /^Accept \d+ items?$/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Accepted ${String(accepted)} item${accepted === 1 ? '' : 's'}.`)).toBeVisible();
  expect(countRows(dbPath, 'audit_log')).toBe(auditBeforeAccept + accepted);

  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Table' }).click();
  await filters.getByLabel('Accepted').check();
  await expect(page.locator('.pager-summary')).toContainText(`of ${String(accepted)}`);
});

/** Opens the sample portfolio's matrix; answers the plot, its centre on the page and how many points it shows unzoomed. */
async function openMatrix(page: Page) {
  await page.getByRole('button', { name: 'Load sample portfolio' }).click();
  await expect(page.locator('.pager-summary')).toContainText(/of \d+/);
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Matrix' }).click();
  const plot = page.getByRole('group', { name: /Priority matrix plot/ });
  await expect(plot).toHaveAttribute('data-visible-count', /^[1-9]\d*$/);
  await plot.scrollIntoViewIfNeeded();
  const box = await plot.boundingBox();
  if (box === null) throw new Error('The plot has no box.');
  return { plot, centre: { x: box.x + box.width / 2, y: box.y + box.height / 2 }, all: Number(await plot.getAttribute('data-visible-count')) };
}

const visibleCount = (plot: Locator) => async () => Number(await plot.getAttribute('data-visible-count'));

test('a trackpad pinch zooms the matrix, not the page', async ({ app }) => {
  const { page } = app;
  const { plot, centre, all } = await openMatrix(page);
  // Browsers send a trackpad pinch as wheel events with ctrlKey set.
  await page.mouse.move(centre.x, centre.y);
  await page.keyboard.down('Control');
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -40);
  await page.keyboard.up('Control');
  await expect.poll(visibleCount(plot)).toBeLessThan(all);
  expect(await page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1);
  await page.getByRole('button', { name: 'Reset view' }).click();
  await expect(plot).toHaveAttribute('data-visible-count', String(all));
});

test.describe('on a touch screen', () => {
  // Chromium's touch emulation stops mouse wheel events, so the trackpad case above runs without it.
  test.use({ hasTouch: true });

  test('two fingers spreading apart zoom the matrix around their midpoint', async ({ app }) => {
    const { page } = app;
    const { plot, centre, all } = await openMatrix(page);
    const cdp = await page.context().newCDPSession(page);
    const fingers = (spread: number) => [
      { x: centre.x - spread, y: centre.y, id: 0 },
      { x: centre.x + spread, y: centre.y, id: 1 },
    ];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(20) });
    for (const spread of [40, 80, 120, 160, 200]) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(spread) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(visibleCount(plot)).toBeLessThan(all);
    await page.getByRole('button', { name: 'Reset view' }).click();
    await expect(plot).toHaveAttribute('data-visible-count', String(all));
  });
});
