/** Runs `next` in a later task. */
export type Schedule = (next: () => void) => void;

/**
 * A task as soon as the event loop is free: a MessageChannel message, because nested setTimeout(0)
 * calls are clamped to 4 ms each, which would add a third to a job cut into 8 ms slices.
 */
export const nextTask: Schedule =
  typeof MessageChannel === 'undefined'
    ? (next) => {
        setTimeout(next, 0);
      }
    : (() => {
        const queue: (() => void)[] = [];
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          queue.shift()?.();
        };
        return (next: () => void) => {
          queue.push(next);
          channel.port2.postMessage(null);
        };
      })();

/**
 * A task when the page is idle (no input, frame or other queued work pending), or within a second at the
 * latest; a plain next task where the browser has no idle callbacks. For work nobody is waiting for.
 */
export const idleTask: Schedule =
  typeof requestIdleCallback === 'undefined'
    ? nextTask
    : (next) => {
        requestIdleCallback(() => {
          next();
        }, { timeout: 1_000 });
      };

/** Main-thread time one slice of work may take before it yields, so input and frames stay smooth. */
export const SLICE_BUDGET_MS = 8;

export interface SliceOptions {
  /** False once a newer job has replaced this one: the work stops and the promise answers false. */
  readonly isCurrent?: () => boolean;
  readonly schedule?: Schedule;
  readonly budgetMs?: number;
  /** Items handled between two clock checks. */
  readonly step?: number;
  /**
   * Whether the first slice runs at once (the default) or in a later task: jobs started from React
   * effects start later, or the effects of one commit would add their first slices into one long task.
   */
  readonly startNow?: boolean;
}

/**
 * Calls `work(from, to)` over [0, total) in steps, yielding to the event loop whenever a slice has
 * used its budget, so no task runs much over `budgetMs`. Answers true
 * when every step ran, false when `isCurrent` turned false first.
 */
export function runInSlices(total: number, work: (from: number, to: number) => void, options: SliceOptions = {}): Promise<boolean> {
  const { isCurrent = () => true, schedule = nextTask, budgetMs = SLICE_BUDGET_MS, step = 2_000, startNow = true } = options;
  return new Promise((resolve) => {
    let next = 0;
    const slice = () => {
      if (!isCurrent()) {
        resolve(false);
        return;
      }
      const started = performance.now();
      do {
        const end = Math.min(total, next + step);
        work(next, end);
        next = end;
      } while (next < total && performance.now() - started < budgetMs);
      if (next >= total) resolve(true);
      else schedule(slice);
    };
    if (startNow) slice();
    else schedule(slice);
  });
}
