import { performance } from 'node:perf_hooks';

/** Median wall time of `runs` calls of `fn`, after `warmup` calls that are not counted. */
export function medianMs(fn: () => unknown, runs = 15, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/** Wall time of one call of `fn`: for work too large to repeat. */
export function onceMs(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Median of a list of numbers (NaN for none). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export interface PairedTimes {
  readonly ours: readonly number[];
  readonly baseline: readonly number[];
}

/**
 * Times `ours` and `baseline` (each one large run, in ms) `rounds` times, alternating which goes first, so a
 * load spike or a slow stretch of the machine lands on both sides rather than on one single-shot figure.
 */
export function pairedRounds(rounds: number, ours: () => number, baseline: () => number): PairedTimes {
  const o: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      b.push(baseline());
      o.push(ours());
    } else {
      o.push(ours());
      b.push(baseline());
    }
  }
  return { ours: o, baseline: b };
}

/** The medians of both sides and the median of the rounds' own ratios (each round is a fair pair), with every round's ratio. */
export function reportPaired(label: string, times: PairedTimes, baselineLabel: string, goal: string): void {
  const ratios = times.ours.map((ms, i) => ms / (times.baseline[i] ?? Number.NaN));
  console.log(
    `${label}: median ${median(times.ours).toFixed(2)} ms | baseline (${baselineLabel}): median ${median(times.baseline).toFixed(2)} ms | ` +
      `ratio ${median(ratios).toFixed(2)}x, the median of ${String(ratios.length)} rounds (${ratios.map((r) => r.toFixed(2)).join(', ')}) | goal ${goal}`,
  );
}

export function report(label: string, ms: number, baselineLabel: string, baselineMs: number, goal: string): void {
  const ratio = ms / baselineMs;
  console.log(
    `${label}: ${ms.toFixed(2)} ms | baseline (${baselineLabel}): ${baselineMs.toFixed(2)} ms | ratio ${ratio.toFixed(2)}x | goal ${goal}`,
  );
}

/** A small seeded PRNG (mulberry32), so every run measures the same data. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
