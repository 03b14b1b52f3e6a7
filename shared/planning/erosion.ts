import { z } from 'zod';
import { byCalendar, reserveCapacity, type Sprint } from './sprint.js';

/** Below this actual debt share, a sprint counts as one where the reserve eroded. */
export const EROSION_SHARE_FLOOR = 0.1;
/** A single low sprint happens (an incident, a launch); this many in a row is a trend worth a warning. */
export const EROSION_RUN = 2;
export const ROLLING_WINDOW = 3;

export const ErosionRow = z.object({
  id: z.string(),
  name: z.string(),
  /** The reserve the sprint was planned with: capacity × availability × reserve%. */
  plannedReserve: z.number().min(0),
  debtSpent: z.number().min(0),
  completed: z.number().min(0),
  /** Planned − spent: positive when the reserve eroded, negative when the team spent more on debt than planned. */
  erosion: z.number(),
  /** Debt spend / completed work; null when nothing was completed, since no share can be measured then. */
  actualShare: z.number().min(0).max(1).nullable(),
  /** Mean of the actual shares of this sprint and the two before it (fewer at the start; sprints with no share skipped). */
  rollingShare: z.number().min(0).max(1).nullable(),
  /** How many sprints in a row, ending here, had a share under the floor. */
  lowShareRun: z.number().int().min(0),
  warning: z.string().nullable(),
});
export type ErosionRow = z.infer<typeof ErosionRow>;

export const ErosionReport = z.object({
  sprints: z.array(ErosionRow),
  totals: z.object({ plannedReserve: z.number().min(0), debtSpent: z.number().min(0), erosion: z.number() }),
  /** The latest sprint's warning: is the reserve eroding now? */
  warning: z.string().nullable(),
});
export type ErosionReport = z.infer<typeof ErosionReport>;

const pct = (share: number): string => `${(share * 100).toFixed(1).replace(/\.0$/, '')}%`;

/**
 * Planned reserve against what was really spent on debt, per closed sprint in calendar order (whatever the
 * order given). A sprint that completed nothing has no share: it neither counts as low nor continues a low run.
 */
export function erosionReport(sprints: readonly Sprint[]): ErosionReport {
  const rows: ErosionRow[] = [];
  const recentShares: (number | null)[] = [];
  const lowNames: string[] = [];
  for (const s of [...sprints].sort(byCalendar)) {
    if (s.actuals === undefined) continue; // an open sprint has nothing to compare yet
    const { completed, debtSpent } = s.actuals;
    const plannedReserve = reserveCapacity(s);
    const actualShare = completed > 0 ? debtSpent / completed : null;
    recentShares.push(actualShare);
    const window = recentShares.slice(-ROLLING_WINDOW).filter((x): x is number => x !== null);
    const rollingShare = window.length === 0 ? null : window.reduce((a, b) => a + b, 0) / window.length;
    if (actualShare !== null && actualShare < EROSION_SHARE_FLOOR) lowNames.push(`${s.name} ${pct(actualShare)}`);
    else lowNames.length = 0;
    const lowShareRun = lowNames.length;
    const warning =
      lowShareRun >= EROSION_RUN
        ? `Debt got under ${pct(EROSION_SHARE_FLOOR)} of the completed work for ${String(lowShareRun)} sprints running (${lowNames.join(', ')}): the reserve is eroding. Protect it when planning the next sprint.`
        : null;
    rows.push({ id: s.id, name: s.name, plannedReserve, debtSpent, completed, erosion: plannedReserve - debtSpent, actualShare, rollingShare, lowShareRun, warning });
  }
  const plannedReserve = rows.reduce((sum, r) => sum + r.plannedReserve, 0);
  const debtSpent = rows.reduce((sum, r) => sum + r.debtSpent, 0);
  return {
    sprints: rows,
    totals: { plannedReserve, debtSpent, erosion: plannedReserve - debtSpent },
    warning: rows.at(-1)?.warning ?? null,
  };
}
