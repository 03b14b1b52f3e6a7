import type { Output, ParsedInput } from '../../shared/api/contract.js';
import { continueSprints, Sprint } from '../../shared/planning/sprint.js';
import { readSettings } from '../store/settings-repo.js';
import { readPlanning, writePlanning } from '../store/planning-settings-repo.js';
import { closeSprint, insertSprints, listSprints, pinItem, setOpenReserves, unpinItem, updateSprint } from '../store/sprints-repo.js';
import { StoreError } from '../store/store-error.js';
import type { HandlerContext } from './context.js';

export function listSprintsHandler(ctx: HandlerContext): Output<'sprints.list'> {
  return listSprints(ctx.store.db);
}

/** Absent rather than undefined, so the schema's defaults apply and no key holds undefined. */
function present<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Partial<Record<K, V>>); // one computed key of type K
}

function sprintsToCreate(ctx: HandlerContext, input: ParsedInput<'sprints.create'>): Sprint[] {
  const db = ctx.store.db;
  const reservePct = input.reservePct ?? readPlanning(db).defaultReservePct;
  if (input.count === undefined) {
    const parsed = Sprint.safeParse({
      id: ctx.newId(),
      name: input.name,
      startDate: input.startDate,
      lengthDays: input.lengthDays ?? readSettings(db).sprintLengthDays,
      capacity: input.capacity,
      reservePct,
      ...present('availabilityPct', input.availabilityPct),
      ...present('reserveReason', input.reserveReason),
    });
    if (!parsed.success) {
      throw new StoreError('invalid-input', `The sprint was not added: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    }
    return [parsed.data];
  }
  const existing = listSprints(db);
  try {
    const run = continueSprints(existing, {
      count: input.count,
      idFor: () => ctx.newId(),
      ...present('prefix', input.prefix),
      ...present('startDate', input.startDate),
      ...present('lengthDays', input.lengthDays ?? (existing.length === 0 ? readSettings(db).sprintLengthDays : undefined)),
      ...present('capacity', input.capacity),
      ...present('reservePct', input.reservePct ?? (existing.length === 0 ? reservePct : undefined)),
      ...present('reserveReason', input.reserveReason),
    });
    return input.availabilityPct === undefined ? run : run.map((s) => ({ ...s, availabilityPct: input.availabilityPct ?? s.availabilityPct }));
  } catch (error) {
    // continueSprints refuses a first run without a start date, length or capacity; that is the caller's to fix.
    if (error instanceof RangeError) throw new StoreError('invalid-input', error.message);
    throw error;
  }
}

/** One sprint, or with `count` a run continuing after the latest; all are added or none. */
export function createSprintsHandler(ctx: HandlerContext, input: ParsedInput<'sprints.create'>): Output<'sprints.create'> {
  const db = ctx.store.db;
  return db.transaction(() => insertSprints(db, sprintsToCreate(ctx, input), ctx.now().toISOString()))();
}

export function updateSprintHandler(ctx: HandlerContext, input: ParsedInput<'sprints.update'>): Output<'sprints.update'> {
  const { name, ...changes } = input;
  return updateSprint(ctx.store.db, name, changes, ctx.now().toISOString());
}

/** A scenario's reserve on every open sprint, in one transaction: all change or none. */
export function applyScenarioHandler(ctx: HandlerContext, input: ParsedInput<'scenarios.apply'>): Output<'scenarios.apply'> {
  return setOpenReserves(ctx.store.db, input.reservePct, input.reserveReason, ctx.now().toISOString());
}

export function closeSprintHandler(ctx: HandlerContext, input: ParsedInput<'sprints.close'>): Output<'sprints.close'> {
  const { name, ...actuals } = input;
  return closeSprint(ctx.store.db, name, actuals, ctx.now().toISOString());
}

export function pinItemHandler(ctx: HandlerContext, input: ParsedInput<'sprints.pin'>): Output<'sprints.pin'> {
  return pinItem(ctx.store.db, input.name, input.itemId, input.note, ctx.now().toISOString());
}

export function unpinItemHandler(ctx: HandlerContext, input: ParsedInput<'sprints.unpin'>): Output<'sprints.unpin'> {
  return unpinItem(ctx.store.db, input.name, input.itemId, ctx.now().toISOString());
}

export function getPlanningHandler(ctx: HandlerContext): Output<'planning.get'> {
  return readPlanning(ctx.store.db);
}

export function setPlanningHandler(ctx: HandlerContext, input: ParsedInput<'planning.set'>): Output<'planning.set'> {
  return writePlanning(ctx.store.db, input, ctx.now().toISOString());
}
