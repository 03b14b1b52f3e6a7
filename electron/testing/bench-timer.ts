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
