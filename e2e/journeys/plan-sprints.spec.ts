import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';
import { addSprints } from '../plan-steps.js';

async function closeSprint(page: Page, name: string, completed: string, debtSpent: string) {
  const plan = page.getByRole('region', { name: 'Sprint plan' });
  await plan.getByRole('region', { name: `Sprint ${name}` }).getByRole('button', { name: 'Close sprint' }).click();
  const dialog = page.getByRole('dialog', { name: `Close ${name}` });
  await dialog.getByLabel('Completed work').fill(completed);
  await dialog.getByLabel('Debt spent').fill(debtSpent);
  await dialog.getByRole('checkbox').first().check();
  await dialog.getByRole('button', { name: 'Close sprint' }).click();
  await expect(dialog).toBeHidden();
  await expect(plan.getByRole('region', { name: `Sprint ${name}` }).getByTestId('sprint-actuals')).toContainText(`Completed ${completed}`);
}

/** Checks the view just shown; the whole page (with the sample's items) takes axe too long for one journey. */
async function expectNoAxeViolations(page: Page, view: string) {
  const axe = await new AxeBuilder({ page }).include(view).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test('plan sprints: add a run, set a reserve with a reason, close sprints, see erosion, pin, unpin and exclude items, forecast and scenarios', async ({ app }, testInfo) => {
  // Three views, each checked by axe, and a dozen plan changes, on two shared cores: well over the default minute.
  test.setTimeout(180_000);
  const { page } = app;
  await page.getByRole('button', { name: 'Load sample portfolio' }).click();
  await expect(page.locator('.pager-summary')).toContainText(/of \d+/);

  const views = page.getByRole('group', { name: 'View' });
  const plan = await addSprints(page, { start: '2026-01-05', count: 4, capacity: 40 });

  const s1 = plan.getByRole('region', { name: 'Sprint S1' });
  await expect(s1.getByRole('list', { name: 'Items planned in S1' }).getByRole('listitem').first()).toBeVisible();
  await expect(s1.getByRole('list', { name: 'Items planned in S1' })).toContainText('priority rank');

  // A reserve outside 10–20% shows the band warning and is refused without a reason.
  await s1.getByLabel('Debt reserve %').fill('25');
  await expect(s1.getByTestId('reserve-warning')).toContainText('above the healthy band');
  await s1.getByRole('button', { name: 'Save reserve' }).click();
  await expect(s1.locator('.field-error')).toContainText('Give a reason to keep it');
  await s1.getByLabel('Reason for this reserve').fill('Payment provider migration must land this sprint.');
  await s1.getByRole('button', { name: 'Save reserve' }).click();
  await expect(s1).toContainText('reserve 25%');
  await expect(s1).toContainText('Payment provider migration must land this sprint.');

  // Two sprints in a row with under 10% of the work on debt: the reserve is eroding.
  await closeSprint(page, 'S1', '40', '2');
  await closeSprint(page, 'S2', '40', '1');
  const erosion = plan.getByRole('table', { name: 'Reserve erosion' });
  await expect(erosion.getByRole('row')).toHaveCount(4); // header, S1, S2, total
  await expect(plan.getByTestId('erosion-warning')).toContainText('2 sprints running');
  await plan.screenshot({ path: testInfo.outputPath('plan.png') });
  await testInfo.attach('plan', { path: testInfo.outputPath('plan.png'), contentType: 'image/png' });
  await expectNoAxeViolations(page, '.plan-view');

  // Drag an item from S3 onto S4: it is pinned there, and unpinning lets it go back to its rank.
  const s3 = plan.getByRole('region', { name: 'Sprint S3' });
  const s4 = plan.getByRole('region', { name: 'Sprint S4' });
  const moved = s3.getByRole('list', { name: 'Items planned in S3' }).getByRole('listitem').first();
  const title = (await moved.locator('.sprint-item-title').textContent()) ?? '';
  expect(title).not.toBe('');
  await moved.dragTo(s4);
  await expect(page.getByRole('status').filter({ hasText: `Pinned “${title}” to S4.` })).toBeVisible();
  const pinnedPart = s4.getByRole('listitem').filter({ hasText: title }).first();
  await expect(pinnedPart.locator('.sprint-badge-pinned')).toHaveText('Pinned');
  await expect(pinnedPart.locator('.sprint-item-reason')).toContainText('pinned');
  await expect(s3.getByRole('list', { name: 'Items planned in S3' })).not.toContainText(title);
  await pinnedPart.getByRole('button', { name: `Unpin “${title}” from S4` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Unpinned “${title}” from S4` })).toBeVisible();
  await expect(s3.getByRole('list', { name: 'Items planned in S3' })).toContainText(title);
  await expect(plan.locator('.sprint-badge-pinned')).toHaveCount(0);

  // The keyboard way: choose a sprint in the item's list and press Pin.
  const first = s3.getByRole('list', { name: 'Items planned in S3' }).getByRole('listitem').first();
  const firstTitle = (await first.locator('.sprint-item-title').textContent()) ?? '';
  await first.getByLabel(`Pin “${firstTitle}” to sprint`).selectOption('S4');
  await first.getByRole('button', { name: `Pin “${firstTitle}” to the chosen sprint` }).press('Enter');
  await expect(s4.getByRole('listitem').filter({ hasText: firstTitle }).first().locator('.sprint-badge-pinned')).toBeVisible();
  await plan.screenshot({ path: testInfo.outputPath('plan-pinned.png') });
  await testInfo.attach('plan with a pin', { path: testInfo.outputPath('plan-pinned.png'), contentType: 'image/png' });

  // Excluding the top item takes it out of the sprints; the unplanned list says why and offers to include it.
  const excluded = s3.getByRole('list', { name: 'Items planned in S3' }).getByRole('listitem').first();
  const excludedTitle = (await excluded.locator('.sprint-item-title').textContent()) ?? '';
  await excluded.getByRole('button', { name: `Exclude from plan: “${excludedTitle}”` }).click();
  await excluded.getByLabel(`Why leave out “${excludedTitle}”? (optional)`).fill('Replaced by the new checkout in March');
  await excluded.getByRole('button', { name: 'Exclude', exact: true }).click();
  const unplanned = plan.getByRole('region', { name: 'Unplanned items' });
  const excludedRow = unplanned.getByRole('listitem').filter({ hasText: excludedTitle });
  await expect(excludedRow).toContainText('excluded from planning: Replaced by the new checkout in March');
  await expect(excludedRow.getByText('Excluded', { exact: true })).toBeVisible();
  for (const name of ['S3', 'S4']) {
    await expect(plan.getByRole('region', { name: `Sprint ${name}` }).getByRole('list', { name: `Items planned in ${name}` })).not.toContainText(excludedTitle);
  }
  await excludedRow.getByRole('button', { name: `Include “${excludedTitle}” in the plan` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Included “${excludedTitle}” in the plan again.` })).toBeVisible();
  await expect(unplanned.getByText('excluded from planning')).toHaveCount(0);

  await views.getByRole('button', { name: 'Forecast' }).click();
  const forecast = page.getByRole('region', { name: 'Forecast' });
  await expect(forecast.getByTestId('forecast-basis')).toContainText('Only 2 closed sprints');
  await expect(forecast).toContainText('Seed 1');
  await expect(forecast.getByRole('img', { name: /Fan chart of debt capacity/ })).toBeVisible();
  await expect(forecast.getByTestId('fan-band')).toHaveAttribute('d', /^M/);
  await forecast.screenshot({ path: testInfo.outputPath('forecast.png') });
  await testInfo.attach('forecast', { path: testInfo.outputPath('forecast.png'), contentType: 'image/png' });
  await expectNoAxeViolations(page, '.forecast-view');

  await views.getByRole('button', { name: 'Scenarios' }).click();
  const scenarios = page.getByRole('region', { name: 'Reserve scenarios' });
  const table = scenarios.getByRole('table', { name: 'Scenario comparison' });
  await expect(table.getByTestId('scenario-row')).toHaveCount(4);
  await expect(table).toContainText('custom 25%');
  // Inside the band "Apply" needs no reason; it sets the reserve of the open sprints, S3 and S4.
  await table.getByRole('button', { name: 'Apply 20% to the open sprints' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Set a 20% reserve on 2 open sprints.' })).toBeVisible();
  await scenarios.screenshot({ path: testInfo.outputPath('scenarios.png') });
  await testInfo.attach('scenarios', { path: testInfo.outputPath('scenarios.png'), contentType: 'image/png' });
  await expectNoAxeViolations(page, '.scenarios-view');
  await views.getByRole('button', { name: 'Plan' }).click();
  await expect(plan.getByRole('region', { name: 'Sprint S4' })).toContainText('reserve 20%');
});
