/**
 * Percentiles of Monte Carlo trials. The convention throughout planning: pXX is the value reached or exceeded
 * in at least XX% of trials, so p85 is the cautious figure and never above p50.
 */

/** The position, in ascending order, of the largest value that at least `share` of `n` values reach or exceed. */
export function reachedIndex(n: number, share: number): number {
  // The tolerance keeps 0.85 × 10,000 from rounding up past 8,500 and costing one position.
  const need = Math.ceil(share * n - 1e-9);
  return Math.max(0, Math.min(n - 1, n - need));
}

/**
 * Hoare's quickselect: moves the k-th smallest of values[lo..hi] to position k, smaller or equal values before
 * it and greater or equal after. Linear on average, against n log n for a sort; bootstrap draws repeat a few
 * past values many times, and this partition splits runs of equal values evenly, so they cost nothing extra.
 * The element reads are inlined by hand: through small helper closures it ran 2–5 times slower.
 */
function select(values: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    if (hi - lo === 1) {
      // Two values: order them. Below, the three reads need three distinct positions.
      const x = values[lo] ?? 0;
      const y = values[hi] ?? 0;
      if (y < x) [values[lo], values[hi]] = [y, x];
      return;
    }
    // Median of three as the pivot, so sorted or reversed input stays linear. The ends then hold a value no
    // greater and no smaller than the pivot, which stops both scans below without a bounds check.
    const mid = (lo + hi) >>> 1;
    let low = values[lo] ?? 0;
    let pivot = values[mid] ?? 0;
    let high = values[hi] ?? 0;
    let t: number;
    if (pivot < low) {
      t = low;
      low = pivot;
      pivot = t;
    }
    if (high < pivot) {
      t = high;
      high = pivot;
      pivot = t;
      if (pivot < low) {
        t = low;
        low = pivot;
        pivot = t;
      }
    }
    values[lo] = low;
    values[mid] = pivot;
    values[hi] = high;
    let i = lo;
    let j = hi;
    for (;;) {
      let x = values[i] ?? 0;
      while (x < pivot) x = values[++i] ?? 0;
      let y = values[j] ?? 0;
      while (y > pivot) y = values[--j] ?? 0;
      if (i > j) break;
      values[i] = y;
      values[j] = x;
      i++;
      j--;
      if (i > j) break;
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** p50 and p85 of the values, which are reordered in place. */
export function percentilesInPlace(values: Float64Array): { p50: number; p85: number } {
  const n = values.length;
  if (n === 0) return { p50: 0, p85: 0 };
  const i50 = reachedIndex(n, 0.5);
  const i85 = reachedIndex(n, 0.85);
  select(values, i50, 0, n - 1);
  // Everything before i50 is now no greater than it, so p85 (a lower position) is found among those alone.
  if (i85 < i50) select(values, i85, 0, i50 - 1);
  return { p50: values[i50] ?? 0, p85: values[i85] ?? 0 };
}
