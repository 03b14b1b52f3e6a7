/**
 * How good a plan is, measured against a bound no plan can beat.
 *
 * An item's value is its cost of delay: priority × effort (priority is cost of delay per unit of effort).
 * By the end of sprint k a plan can have finished only items whose efforts sum to at most the reserve of
 * sprints 1..k, so the fractional knapsack over that cumulative reserve — items by value density, which is
 * the priority, the last one taken in part — bounds the value finished by then. Summing over the sprints
 * rewards finishing valuable items early, which is what the plan is for.
 */

/** Cost of delay of an item; zero-effort items add nothing (their priority is unbounded, their effort 0). */
export function itemValue(priority: number, effort: number): number {
  const value = priority * effort;
  return effort > 0 && Number.isFinite(value) ? value : 0;
}

/**
 * The bound by the end of each sprint. `efforts` and `priorities` are the candidates in priority order
 * (highest first), which is value-density order; `reserves` are the sprints' reserves in calendar order.
 */
export function knapsackBounds(efforts: Float64Array, priorities: Float64Array, reserves: Float64Array): Float64Array {
  const bounds = new Float64Array(reserves.length);
  let capacity = 0;
  let taken = 0;
  let usedEffort = 0;
  let usedValue = 0;
  for (let t = 0; t < reserves.length; t++) {
    capacity += reserves[t] ?? 0;
    while (taken < efforts.length && usedEffort + (efforts[taken] ?? 0) <= capacity) {
      usedEffort += efforts[taken] ?? 0;
      usedValue += itemValue(priorities[taken] ?? 0, efforts[taken] ?? 0);
      taken++;
    }
    const partial = taken < efforts.length ? itemValue(priorities[taken] ?? 0, capacity - usedEffort) : 0;
    bounds[t] = usedValue + partial;
  }
  return bounds;
}

/** Shortfall of `value` against `bound` in percent; float noise can put a plan a hair above its bound. */
export function gapPct(value: number, bound: number): number {
  if (bound <= 0) return 0;
  return Math.min(100, Math.max(0, (100 * (bound - value)) / bound));
}
