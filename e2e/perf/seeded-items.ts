/** One item of the benchmark portfolio, in the store's column names. */
export interface SeededItem {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly likelihood: number;
  readonly impact: number;
  readonly effortLow: number;
  readonly effortLikely: number;
  readonly effortHigh: number;
  readonly interest: number;
  readonly dueDate: string | null;
}

export const SEEDED_KINDS = ['architecture', 'code', 'test', 'infrastructure', 'dependency', 'documentation', 'security', 'process', 'other'];

/**
 * The benchmark portfolio: `n` items from a fixed-seed generator, so the app (seeded through SQLite)
 * and the in-page hit-test probe (which builds the same items in the browser) see the same points.
 * No imports: the probe bundle includes this file as it is.
 */
export function seededItems(n: number): SeededItem[] {
  let a = 7;
  const random = () => {
    a = (a * 16807) % 2147483647;
    return a / 2147483647;
  };
  const items: SeededItem[] = [];
  for (let i = 0; i < n; i++) {
    const likely = [0, 0.5, 1, 2, 3, 5, 8, 13][Math.floor(random() * 8)] ?? 1;
    const likelihood = 1 + Math.floor(random() * 5);
    const impact = 1 + Math.floor(random() * 5);
    const interest = Math.round(random() * 6) / 2;
    const dueDate = random() < 0.5 ? `2027-0${String(1 + Math.floor(random() * 9))}-15` : null;
    items.push({
      id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      title: `Item ${String(i)}`,
      kind: SEEDED_KINDS[i % SEEDED_KINDS.length] ?? 'other',
      likelihood,
      impact,
      effortLow: likely / 2,
      effortLikely: likely,
      effortHigh: likely * 3,
      interest,
      dueDate,
    });
  }
  return items;
}
