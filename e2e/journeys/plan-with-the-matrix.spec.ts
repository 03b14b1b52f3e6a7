import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '../fixtures.js';

const QUADRANTS = ['Pay down now', 'Plan deliberately', 'Quick wins', 'Accept and monitor'] as const;

test('plan with the priority matrix: quadrants, weights, explanation, filters, keyboard', async ({ app }, testInfo) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Load sample portfolio' }).click();
  const summary = page.locator('.pager-summary');
  await expect(summary).toContainText(/of \d+/);
  const itemCount = Number(/of ([\d,]+)/.exec((await summary.textContent()) ?? '')?.[1]?.replace(',', ''));
  expect(itemCount).toBeGreaterThan(0);

  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Matrix' }).click();
  const matrix = page.getByRole('region', { name: 'Priority matrix' });
  const quadrants = matrix.getByRole('list', { name: 'Quadrants' });
  for (const name of QUADRANTS) await expect(quadrants).toContainText(name);
  const counts = await quadrants.locator('.matrix-quadrant-count').allTextContents();
  expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(itemCount);
  await expect(matrix.getByTestId('matrix-count')).toHaveText(`${String(itemCount)} items in the matrix`);

  // Keyboard: focus the plot, move with the arrows, open with Enter.
  const plot = matrix.getByRole('group', { name: /Priority matrix plot/ });
  await plot.focus();
  await page.keyboard.press('ArrowRight');
  const first = await plot.getAttribute('data-active-id');
  expect(first).not.toBeNull();
  let moved: string | null = first;
  for (const key of ['ArrowLeft', 'ArrowDown', 'ArrowUp', 'ArrowRight']) {
    await page.keyboard.press(key);
    moved = await plot.getAttribute('data-active-id');
    if (moved !== first) break;
  }
  expect(moved).not.toBe(first);
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary');
  await expect(panel.getByRole('table', { name: 'Cost of delay, term by term' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Edit' })).toBeVisible();
  const weightsBefore = await panel.getByRole('row', { name: /^Risk/ }).textContent();
  const priorityBefore = await panel.getByTestId('explain-priority').textContent();

  // A heavier risk weight changes the explanation of the same item.
  await page.getByLabel('Preset').selectOption({ label: 'Risk first' });
  await expect(panel.getByRole('row', { name: /^Risk/ })).not.toHaveText(weightsBefore ?? '');
  await expect(panel.getByTestId('explain-priority')).not.toHaveText(priorityBefore ?? '');
  await expect(page.getByLabel('Risk', { exact: true })).toHaveValue('3');

  // Escape clears; a click on a point selects it and opens its panel.
  await plot.focus();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  const box = await plot.boundingBox();
  if (box === null) throw new Error('The plot has no box.');
  const target = await plot.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.matrix-canvas');
    if (canvas === null) return null;
    const ctx = canvas.getContext('2d');
    if (ctx === null) return null;
    const { width, height } = canvas;
    const data = ctx.getImageData(0, 0, width, height).data;
    const ratio = window.devicePixelRatio;
    for (let y = 0; y < height; y += 2) {
      for (let x = 0; x < width; x += 2) {
        if ((data[(y * width + x) * 4 + 3] ?? 0) > 150) return { x: x / ratio, y: y / ratio };
      }
    }
    return null;
  });
  expect(target).not.toBeNull();
  if (target === null) return;
  await page.mouse.move(box.x + target.x + 2, box.y + target.y + 2);
  await expect(plot.locator('.matrix-tooltip')).toBeVisible();
  await page.mouse.click(box.x + target.x + 2, box.y + target.y + 2);
  await expect(panel.getByRole('table', { name: 'Cost of delay, term by term' })).toBeVisible();

  // Wheel zooms in (fewer points in view), "Reset view" brings every point back.
  const allVisible = await plot.getAttribute('data-visible-count');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -200);
  await expect(plot).not.toHaveAttribute('data-visible-count', allVisible ?? '');
  await page.getByRole('button', { name: 'Reset view' }).click();
  await expect(plot).toHaveAttribute('data-visible-count', allVisible ?? '');

  // The Kind filter narrows the matrix and the table alike.
  await page.getByRole('region', { name: 'Filters' }).getByLabel('Kind').selectOption('security');
  await expect(matrix.getByTestId('matrix-count')).not.toHaveText(`${String(itemCount)} items in the matrix`);
  const matrixCount = Number(/^(\d+)/.exec((await matrix.getByTestId('matrix-count').textContent()) ?? '')?.[1]);
  await expect(async () => {
    const sum = (await quadrants.locator('.matrix-quadrant-count').allTextContents()).map(Number).reduce((a, b) => a + b, 0);
    expect(sum).toBe(matrixCount);
  }).toPass();
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Table' }).click();
  await expect(page.locator('.pager-summary')).toContainText(`of ${String(matrixCount)}`);
  expect(matrixCount).toBeLessThan(itemCount);
  expect(await page.getByRole('table', { name: 'Debt items' }).locator('tr.item-row').count()).toBe(matrixCount);

  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Matrix' }).click();
  await expect(matrix.getByTestId('matrix-count')).toHaveText(`${String(matrixCount)} items in the matrix`);
  await page.getByRole('region', { name: 'Filters' }).getByLabel('Kind').selectOption('');
  await expect(matrix.getByTestId('matrix-count')).toHaveText(`${String(itemCount)} items in the matrix`);
  // Export: an SVG with a circle per point, and a PNG of canvas and overlay together.
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), matrix.getByRole('button', { name: 'Export SVG' }).click()]);
  expect(svgDownload.suggestedFilename()).toBe('priority-matrix.svg');
  const svg = await readFile(await svgDownload.path(), 'utf8');
  expect(svg.match(/<circle /g)?.length).toBe(itemCount);
  expect(svg).toContain('Pay down now');
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), matrix.getByRole('button', { name: 'Export PNG' }).click()]);
  const png = await readFile(await pngDownload.path());
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

  await matrix.screenshot({ path: testInfo.outputPath('matrix.png') });
  await testInfo.attach('matrix', { path: testInfo.outputPath('matrix.png'), contentType: 'image/png' });

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
});
