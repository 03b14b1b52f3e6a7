import { DebtItem } from '../../shared/domain/debt-item.js';
import { seeded } from '../testing/bench-timer.js';

const STAMP = { createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', version: 1 };

/**
 * `count` stored items with story-point-like efforts, interests, some due dates and outcomes, the same
 * for the same seed, so benchmark figures stay comparable between runs.
 */
export function benchPortfolio(count: number, seed: number): DebtItem[] {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, n) => {
    const likely = [0.5, 1, 2, 3, 5, 8, 13][Math.floor(random() * 7)] ?? 1;
    return DebtItem.parse({
      id: `00000000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`,
      title: `Item ${String(n)}`,
      likelihood: 1 + Math.floor(random() * 5),
      impact: 1 + Math.floor(random() * 5),
      effort: { low: likely / 2, likely, high: likely * 3 },
      interest: Math.round(random() * 6) / 2,
      ...(random() < 0.5 ? { dueDate: `2027-0${String(1 + Math.floor(random() * 9))}-15` } : {}),
      ...(random() < 0.2 ? { outcome: 'lead_time' } : {}),
      ...STAMP,
    });
  });
}
