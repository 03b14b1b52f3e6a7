import { z } from 'zod';

/**
 * The share of sprint capacity we call healthy for debt work: below it debt tends to grow faster than it is
 * paid, above it feature work gives up more than teams usually sustain. Outside it a sprint must say why.
 */
export const HEALTHY_RESERVE_BAND = { min: 10, max: 20 } as const;
export const DEFAULT_RESERVE_PCT = 15;

const DAY_MS = 86_400_000;

const isoDate = z.iso.date({ error: 'Use a date written as YYYY-MM-DD.' });

const percent = (label: string) =>
  z
    .number({ error: `${label} must be a number from 0 to 100.` })
    .min(0, { error: `${label} cannot be below 0%.` })
    .max(100, { error: `${label} cannot be above 100%.` });

const amount = (label: string) =>
  z
    .number({ error: `${label} must be a number.` })
    .min(0, { error: `${label} cannot be negative.` })
    .max(1_000_000, { error: `${label} is unrealistically large (over 1,000,000).` });

export const SprintPin = z.object({
  itemId: z.string().trim().min(1, { error: 'A pin names an item.' }),
  note: z.string().trim().max(200).optional(),
});
export type SprintPin = z.infer<typeof SprintPin>;

/** What really happened in a sprint; a sprint that has actuals is closed. */
export const SprintActuals = z
  .object({
    /** All work finished in the sprint, features and debt, in the portfolio unit. */
    completed: amount('Completed work'),
    /** The part of `completed` spent on debt. */
    debtSpent: amount('Debt spend'),
    paidItemIds: z.array(z.string().trim().min(1)).default([]),
  })
  .check((ctx) => {
    if (ctx.value.debtSpent > ctx.value.completed) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['debtSpent'],
        message: 'Debt spend is part of the completed work, so it cannot be more than it.',
      });
    }
  });
export type SprintActuals = z.infer<typeof SprintActuals>;

export const Sprint = z
  .object({
    id: z.string().trim().min(1, { error: 'A sprint needs an id.' }),
    name: z
      .string({ error: 'The sprint name must be text.' })
      .trim()
      .min(1, { error: 'Give the sprint a name.' })
      .max(60, { error: 'A sprint name can be at most 60 characters.' }),
    startDate: isoDate,
    lengthDays: z
      .number({ error: 'Sprint length must be a whole number of days.' })
      .int({ error: 'Sprint length must be a whole number of days.' })
      .min(1, { error: 'A sprint lasts at least 1 day.' })
      .max(90, { error: 'A sprint lasts at most 90 days.' }),
    /** The team's capacity for the whole sprint, in the portfolio unit, before availability. */
    capacity: amount('Capacity'),
    /** Holidays and focus factor: the share of `capacity` the team will really have. */
    availabilityPct: percent('Availability').default(100),
    reservePct: percent('The debt reserve').default(DEFAULT_RESERVE_PCT),
    reserveReason: z.string().trim().min(1, { error: 'Say why the reserve is outside 10–20%.' }).max(500).optional(),
    pins: z.array(SprintPin).optional(),
    actuals: SprintActuals.optional(),
  })
  .check((ctx) => {
    if (reserveBandWarning(ctx.value.reservePct) !== null && ctx.value.reserveReason === undefined) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['reserveReason'],
        message: `A reserve of ${String(ctx.value.reservePct)}% is outside the healthy band of ${bandText()}: say why.`,
      });
    }
  });
export type Sprint = z.infer<typeof Sprint>;
export type SprintInput = z.input<typeof Sprint>;

function bandText(): string {
  return `${String(HEALTHY_RESERVE_BAND.min)}–${String(HEALTHY_RESERVE_BAND.max)}%`;
}

/** Null inside the healthy band (edges included), else a message a planning screen can show as it is. */
export function reserveBandWarning(reservePct: number): string | null {
  if (reservePct < HEALTHY_RESERVE_BAND.min) {
    return `A reserve of ${String(reservePct)}% is below the healthy band of ${bandText()}: debt will likely grow faster than the team pays it down.`;
  }
  if (reservePct > HEALTHY_RESERVE_BAND.max) {
    return `A reserve of ${String(reservePct)}% is above the healthy band of ${bandText()}: feature work gives up more than teams usually sustain.`;
  }
  return null;
}

/** Capacity × availability × reserve: what the plan may spend on debt in this sprint. */
export function reserveCapacity(s: Pick<Sprint, 'capacity' | 'availabilityPct' | 'reservePct'>): number {
  return (s.capacity * s.availabilityPct * s.reservePct) / 10_000;
}

/** YYYY-MM-DD dates parse as UTC midnight, so adding whole days never crosses a time-zone or DST edge. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The sprint's last day, inclusive: a 14-day sprint starting on Monday 5 Jan ends on Sunday 18 Jan. */
export function endDate(s: Pick<Sprint, 'startDate' | 'lengthDays'>): string {
  return addDays(s.startDate, s.lengthDays - 1);
}

export const isClosed = (s: Pick<Sprint, 'actuals'>): boolean => s.actuals !== undefined;

/** Calendar order: by start date, then id, so sprints listed in any order sort the same way. */
export function byCalendar(a: Pick<Sprint, 'startDate' | 'id'>, b: Pick<Sprint, 'startDate' | 'id'>): number {
  if (a.startDate !== b.startDate) return a.startDate < b.startDate ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

export interface SprintRunOptions {
  readonly count: number;
  readonly startDate: string;
  readonly lengthDays: number;
  readonly capacity: number;
  /** Names are the prefix and a number: "S1", "S2"… */
  readonly prefix?: string;
  readonly firstNumber?: number;
  readonly availabilityPct?: number;
  readonly reservePct?: number;
  readonly reserveReason?: string;
  /** Ids belong to the store; by default a sprint's id is its name, which is unique within a run. */
  readonly idFor?: (name: string) => string;
}

/**
 * `count` back-to-back sprints from `startDate`. Each is validated, so options that make an invalid sprint
 * (a reserve outside the band with no reason, a name over 60 characters) throw a ZodError naming the field.
 */
export function sprintRun(o: SprintRunOptions): Sprint[] {
  const prefix = o.prefix ?? 'S';
  const first = o.firstNumber ?? 1;
  return Array.from({ length: o.count }, (_, n) => {
    const name = `${prefix}${String(first + n)}`;
    return Sprint.parse({
      id: o.idFor === undefined ? name : o.idFor(name),
      name,
      startDate: addDays(o.startDate, n * o.lengthDays),
      lengthDays: o.lengthDays,
      capacity: o.capacity,
      // Absent rather than undefined, so the schema's defaults apply and no key holds undefined.
      ...(o.availabilityPct === undefined ? {} : { availabilityPct: o.availabilityPct }),
      ...(o.reservePct === undefined ? {} : { reservePct: o.reservePct }),
      ...(o.reserveReason === undefined ? {} : { reserveReason: o.reserveReason }),
    });
  });
}

/** The highest number among names written as prefix + digits, or 0 when there is none. */
function lastNumber(sprints: readonly Sprint[], prefix: string): number {
  let last = 0;
  for (const s of sprints) {
    const digits = s.name.slice(prefix.length);
    if (s.name.startsWith(prefix) && /^\d+$/.test(digits)) last = Math.max(last, Number(digits));
  }
  return last;
}

export type ContinueOptions = Pick<SprintRunOptions, 'count' | 'prefix' | 'idFor'> &
  Partial<Pick<SprintRunOptions, 'startDate' | 'lengthDays' | 'capacity' | 'reservePct' | 'reserveReason'>>;

/**
 * More sprints after the existing ones: they start the day after the latest sprint ends, continue its
 * numbering ("S5" after "S4"), and repeat its length, capacity and reserve unless told otherwise.
 * Availability is not repeated (holidays belong to one sprint). With no existing sprints, `startDate`,
 * `lengthDays` and `capacity` are required and missing ones throw.
 */
export function continueSprints(existing: readonly Sprint[], o: ContinueOptions): Sprint[] {
  const latest = existing.reduce<Sprint | undefined>((l, s) => (l === undefined || s.startDate > l.startDate ? s : l), undefined);
  const prefix = o.prefix ?? 'S';
  const startDate = o.startDate ?? (latest === undefined ? undefined : addDays(endDate(latest), 1));
  const lengthDays = o.lengthDays ?? latest?.lengthDays;
  const capacity = o.capacity ?? latest?.capacity;
  if (startDate === undefined || lengthDays === undefined || capacity === undefined) {
    throw new RangeError('The first sprints need a start date, a length and a capacity.');
  }
  const reservePct = o.reservePct ?? latest?.reservePct;
  const reserveReason = o.reserveReason ?? (o.reservePct === undefined ? latest?.reserveReason : undefined);
  return sprintRun({
    count: o.count,
    startDate,
    lengthDays,
    capacity,
    prefix,
    firstNumber: lastNumber(existing, prefix) + 1,
    ...(reservePct === undefined ? {} : { reservePct }),
    ...(reserveReason === undefined ? {} : { reserveReason }),
    ...(o.idFor === undefined ? {} : { idFor: o.idFor }),
  });
}

/**
 * The pins stored on sprints as one item → sprint map for the planner (a Map, since ids are user text and
 * "__proto__" must stay an ordinary key). A sprint that is closed keeps its
 * pins as history and adds none; an item pinned twice keeps its earliest open sprint.
 */
export function pinsFromSprints(sprints: readonly Sprint[]): Map<string, string> {
  const pins = new Map<string, string>();
  const open = sprints.filter((s) => !isClosed(s)).sort(byCalendar);
  for (const s of open) {
    for (const pin of s.pins ?? []) {
      if (!pins.has(pin.itemId)) pins.set(pin.itemId, s.id);
    }
  }
  return pins;
}
