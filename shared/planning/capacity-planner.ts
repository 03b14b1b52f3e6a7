import type { DebtItem, Status } from '../domain/debt-item.js';
import type { ItemScores } from '../scoring/scores.js';
import { gapPct, itemValue, knapsackBounds } from './plan-quality.js';
import { byCalendar, endDate, isClosed, reserveCapacity, type Sprint } from './sprint.js';
import type { LateItem, PlannedPart, PlannedSprint, SprintPlan, UnplannedItem } from './sprint-plan.js';

/** Only debt still to be paid is planned; paid, accepted and won't-fix items never are. */
export const PLANNABLE_STATUSES: ReadonlySet<Status> = new Set<Status>(['open', 'planned', 'in_progress']);

export interface PlanItem {
  readonly item: Pick<DebtItem, 'id' | 'status' | 'dueDate'>;
  /** Cost of delay per unit of effort, from the scoring module; Infinity for a free fix. */
  readonly priority: number;
  /** The PERT expected effort: the item's size in the plan. An in-progress item is planned at full size. */
  readonly expectedEffort: number;
}

export interface PlanInput {
  /** Item ids are unique. Their order does not matter: the planner ranks them itself. */
  readonly items: readonly PlanItem[];
  /** Any order; they are planned in calendar order. Closed sprints (with actuals) take no new work and are left out. */
  readonly sprints: readonly Sprint[];
  /** Item id → the sprint it must start in. A pin naming no open sprint is ignored, and the reason says so. */
  readonly pins?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  readonly exclusions?: readonly string[] | ReadonlySet<string>;
  readonly allowSplit: boolean;
}

/** Scored items (as `scorePortfolio` returns them) in the planner's shape; the item type is kept. */
export function planItemsFrom<I extends PlanItem['item']>(
  scored: readonly { readonly item: I; readonly scores: Pick<ItemScores, 'priority' | 'expectedEffort'> }[],
): { item: I; priority: number; expectedEffort: number }[] {
  return scored.map((s) => ({ item: s.item, priority: s.scores.priority, expectedEffort: s.scores.expectedEffort }));
}

function pinMap(pins: PlanInput['pins']): ReadonlyMap<string, string> {
  const isMap = (p: NonNullable<PlanInput['pins']>): p is ReadonlyMap<string, string> => p instanceof Map;
  if (pins === undefined) return new Map();
  // Object.entries reads own keys only, so an id like "constructor" never meets Object.prototype.
  return isMap(pins) ? pins : new Map(Object.entries(pins));
}

/** The scoring module's order (`byPriority`): higher priority first, equal priorities by id. */
function byRank(a: PlanItem, b: PlanItem): number {
  if (a.priority !== b.priority) return a.priority > b.priority ? -1 : 1;
  if (a.item.id === b.item.id) return 0;
  return a.item.id < b.item.id ? -1 : 1;
}

/** Room below this counts as none, and an item this much larger than the room still fits: sums of floats drift. */
const EPS = 1e-9;

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/**
 * Fills each sprint's debt reserve with open items in priority order. Deterministic: the same input, in any
 * item order, gives the same plan.
 *
 * - Pins go first, each into its own sprint, so every pin has first claim on the sprint it names; then the
 *   rest of pinned items that did not fit; then everything else by rank.
 * - A sprint is never over-allocated, pins included. With `allowSplit`, an item larger than the room left
 *   continues into the next sprints as continuation parts. Without it an item waits for the first sprint
 *   with room for it whole, and smaller, lower-ranked items may fill the room it could not use.
 * - Items finished after their due date are flagged late, as are unfinished ones due before the last sprint ends.
 */
export function planSprints(input: PlanInput): SprintPlan {
  const sprints = input.sprints.filter((s) => !isClosed(s)).sort(byCalendar);
  const S = sprints.length;
  const names = sprints.map((s) => s.name);
  const ends = sprints.map(endDate);
  const nameOf = (t: number): string => names[t] ?? '';
  const reserve = Float64Array.from(sprints, reserveCapacity);
  const room = reserve.slice();
  const allocated = new Float64Array(S);
  const parts: PlannedPart[][] = sprints.map(() => []);
  const maxReserve = reserve.reduce((m, r) => Math.max(m, r), 0);

  const ranked = input.items.filter((c) => PLANNABLE_STATUSES.has(c.item.status)).sort(byRank);
  const n = ranked.length;
  const size = new Float64Array(n);
  const priority = new Float64Array(n);
  // Plain loops: Float64Array.from with a mapping function was a quarter of the planner's time on 10k items.
  for (let r = 0; r < n; r++) {
    size[r] = ranked[r]?.expectedEffort ?? 0;
    priority[r] = ranked[r]?.priority ?? 0;
  }
  const left = size.slice();
  const lastSprint = new Int32Array(n).fill(-1);
  const finishSprint = new Int32Array(n).fill(-1);
  const pinSprint = new Int32Array(n).fill(-1);
  const excluded = new Uint8Array(n);

  const sprintIndex = new Map(sprints.map((s, t) => [s.id, t]));
  const pins = pinMap(input.pins);
  const exclusions = new Set(input.exclusions);
  const unknownPin = new Uint8Array(n);
  if (exclusions.size > 0 || pins.size > 0) {
    ranked.forEach((c, r) => {
      if (exclusions.has(c.item.id)) excluded[r] = 1;
      const pin = pins.get(c.item.id);
      if (pin === undefined) return;
      const t = sprintIndex.get(pin);
      if (t === undefined) unknownPin[r] = 1;
      else pinSprint[r] = t;
    });
  }
  const rankText = (r: number): string => `priority rank ${String(r + 1)}`;
  const pinnedTo = (r: number): string => nameOf(pinSprint[r] ?? -1);
  const unpinnedReason = (r: number): string => (unknownPin[r] === 1 ? `${rankText(r)}; its pin names no open sprint` : rankText(r));

  function place(r: number, t: number, amount: number, firstReason: string, finishes: boolean): void {
    const previous = lastSprint[r] ?? -1;
    const continuation = previous >= 0;
    (parts[t] ?? []).push({
      id: ranked[r]?.item.id ?? '',
      amount,
      reason: continuation ? `continues from ${nameOf(previous)}` : firstReason,
      pinned: (pinSprint[r] ?? -1) >= 0,
      continuation,
      finishes,
    });
    room[t] = Math.max(0, (room[t] ?? 0) - amount);
    allocated[t] = (allocated[t] ?? 0) + amount;
    left[r] = finishes ? 0 : (left[r] ?? 0) - amount;
    lastSprint[r] = t;
    if (finishes) finishSprint[r] = t;
  }

  /** Split mode: pours the item into sprints from..to−1 as far as their room goes. */
  function pour(r: number, from: number, to: number, firstReason: string): void {
    for (let t = from; t < to; t++) {
      const free = room[t] ?? 0;
      if (free <= EPS) continue;
      const need = left[r] ?? 0;
      const fits = need <= free + EPS;
      place(r, t, fits ? need : free, firstReason, fits);
      if (fits) return;
    }
  }

  /** No-split mode: the first sprint from..to−1 with room for the item whole, or −1. */
  function firstFit(r: number, from: number, to: number): number {
    const need = size[r] ?? 0;
    if (need > maxReserve + EPS) return -1;
    for (let t = from; t < to; t++) {
      const free = room[t] ?? 0;
      if (free > EPS && need <= free + EPS) return t;
    }
    return -1;
  }

  const pinnedRanks: number[] = [];
  for (let r = 0; r < n; r++) if ((pinSprint[r] ?? -1) >= 0 && excluded[r] === 0) pinnedRanks.push(r);

  // Pins first, each in its own sprint, in rank order.
  for (const r of pinnedRanks) {
    const p = pinSprint[r] ?? -1;
    const reason = `${rankText(r)}; pinned`;
    if (input.allowSplit) pour(r, p, p + 1, reason);
    else if (firstFit(r, p, p + 1) === p) place(r, p, size[r] ?? 0, reason, true);
  }
  // Then what pins could not fit in their own sprint, still ahead of unpinned items.
  for (const r of pinnedRanks) {
    if ((finishSprint[r] ?? -1) >= 0) continue;
    const p = pinSprint[r] ?? -1;
    const reason = `${rankText(r)}; pinned to ${pinnedTo(r)}; did not fit in ${pinnedTo(r)}; waited`;
    if (input.allowSplit) pour(r, p + 1, S, reason);
    else {
      const t = firstFit(r, p + 1, S);
      if (t >= 0) place(r, t, size[r] ?? 0, reason, true);
    }
  }
  // Then everything else by rank. Sprints before `open` are full, so each search starts there.
  // Room only shrinks from here on, so once an item fits nowhere, no item at least as large can fit either.
  let open = 0;
  let smallestMiss = Number.POSITIVE_INFINITY;
  for (let r = 0; r < n; r++) {
    if (excluded[r] === 1 || (pinSprint[r] ?? -1) >= 0) continue;
    while (open < S && (room[open] ?? 0) <= EPS) open++;
    if (open >= S) break;
    if (input.allowSplit) pour(r, open, S, unpinnedReason(r));
    else if ((size[r] ?? 0) < smallestMiss) {
      const t = firstFit(r, open, S);
      if (t >= 0) place(r, t, size[r] ?? 0, t === open ? unpinnedReason(r) : `${unpinnedReason(r)}; did not fit in ${nameOf(open)}; waited`, true);
      else smallestMiss = size[r] ?? 0;
    }
  }

  function unplannedReason(r: number): string {
    if (excluded[r] === 1) return 'excluded from planning';
    const pinned = (pinSprint[r] ?? -1) >= 0 ? `pinned to ${pinnedTo(r)}; ` : '';
    const last = lastSprint[r] ?? -1;
    if (S === 0) return 'no open sprints to plan';
    if (last >= 0) return `${pinned}the reserve ran out after ${nameOf(last)}; ${fmt(left[r] ?? 0)} of ${fmt(size[r] ?? 0)} left`;
    if (!input.allowSplit && (size[r] ?? 0) > maxReserve + EPS) {
      return `${pinned}larger than any sprint's reserve (largest ${fmt(maxReserve)}) and splitting is off`;
    }
    return input.allowSplit ? `${pinned}no reserve left in the planned sprints` : `${pinned}no sprint had room left for it whole (splitting is off)`;
  }

  const unplanned: UnplannedItem[] = [];
  const lateItems: LateItem[] = [];
  const lastEnd = ends[S - 1];
  for (let r = 0; r < n; r++) {
    const item = ranked[r]?.item;
    if (item === undefined) continue;
    const finish = finishSprint[r] ?? -1;
    if (finish < 0) unplanned.push({ id: item.id, remaining: Math.max(0, left[r] ?? 0), reason: unplannedReason(r) });
    const due = item.dueDate;
    if (due === undefined || excluded[r] === 1) continue;
    const plannedFinish = ends[finish];
    if (plannedFinish !== undefined && plannedFinish > due) lateItems.push({ id: item.id, dueDate: due, plannedFinish });
    else if (finish < 0 && lastEnd !== undefined && due <= lastEnd) lateItems.push({ id: item.id, dueDate: due, plannedFinish: null });
  }

  // Quality: value finished by the end of each sprint against the knapsack bound over the candidates (pins ignored).
  const finishedValue = new Float64Array(S);
  const candidateSize = new Float64Array(n);
  const candidatePriority = new Float64Array(n);
  let candidates = 0;
  for (let r = 0; r < n; r++) {
    if (excluded[r] === 1) continue;
    candidateSize[candidates] = size[r] ?? 0;
    candidatePriority[candidates] = priority[r] ?? 0;
    candidates++;
    const finish = finishSprint[r] ?? -1;
    if (finish >= 0) finishedValue[finish] = (finishedValue[finish] ?? 0) + itemValue(priority[r] ?? 0, size[r] ?? 0);
  }
  const bounds = knapsackBounds(candidateSize.subarray(0, candidates), candidatePriority.subarray(0, candidates), reserve);
  let valueByEnd = 0;
  let value = 0;
  let upperBound = 0;
  const planned: PlannedSprint[] = sprints.map((s, t) => {
    valueByEnd += finishedValue[t] ?? 0;
    const upperBoundByEnd = bounds[t] ?? 0;
    value += valueByEnd;
    upperBound += upperBoundByEnd;
    return {
      id: s.id,
      name: s.name,
      startDate: s.startDate,
      endDate: ends[t] ?? s.startDate,
      reserve: reserve[t] ?? 0,
      allocated: allocated[t] ?? 0,
      valueByEnd,
      upperBoundByEnd,
      items: parts[t] ?? [],
    };
  });
  return { sprints: planned, unplanned, lateItems, value, upperBound, gapPct: gapPct(value, upperBound) };
}
