import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the Plan view and adds a run of sprints with its form; answers the plan region. */
export async function addSprints(page: Page, run: { start: string; count: number; capacity: number }): Promise<Locator> {
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Plan' }).click();
  const plan = page.getByRole('region', { name: 'Sprint plan' });
  const form = plan.getByRole('form', { name: 'Add sprints' });
  await form.getByLabel('Start date').fill(run.start);
  await form.getByLabel('Sprints').fill(String(run.count));
  await form.getByLabel('Capacity').fill(String(run.capacity));
  await form.getByRole('button', { name: 'Add sprints' }).click();
  await expect(plan.getByRole('region', { name: /^Sprint S\d+$/ })).toHaveCount(run.count);
  return plan;
}
