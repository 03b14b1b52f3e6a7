import { describe, expect, it } from 'vitest';
import { nextTask, runInSlices } from './time-slices.js';

describe('runInSlices', () => {
  it('covers [0, total) once, in order, in steps', async () => {
    const seen: [number, number][] = [];
    const done = await runInSlices(
      10,
      (from, to) => {
        seen.push([from, to]);
      },
      { step: 4 },
    );
    expect(done).toBe(true);
    expect(seen).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
  });

  it('yields between slices when the budget is spent, and stops when the job is stale', async () => {
    const pending: (() => void)[] = [];
    let steps = 0;
    let current = true;
    const done = runInSlices(
      10,
      () => {
        steps += 1;
      },
      { step: 2, budgetMs: 0, schedule: (next) => pending.push(next), isCurrent: () => current },
    );
    expect(steps).toBe(1);
    pending.shift()?.();
    expect(steps).toBe(2);
    current = false;
    pending.shift()?.();
    expect(await done).toBe(false);
    expect(steps).toBe(2);
  });

  it('runs queued tasks in the order they were queued', async () => {
    const order: number[] = [];
    await new Promise<void>((resolve) => {
      nextTask(() => order.push(1));
      nextTask(() => order.push(2));
      nextTask(() => {
        order.push(3);
        resolve();
      });
    });
    expect(order).toEqual([1, 2, 3]);
  });
});
