import type { ZodError } from 'zod';
import type { Output, ParsedInput } from '../../shared/api/contract.js';
import { contract } from '../../shared/api/contract.js';
import { type Channel, isChannel } from '../../shared/api/channels.js';
import { fail, invalid, ok, type Result } from '../../shared/api/result.js';
import { StoreError } from '../store/store-error.js';
import type { HandlerContext } from './context.js';
import { importRunHandler } from './import-handlers.js';
import {
  bulkUpdateItemsHandler,
  createItemHandler,
  deleteItemHandler,
  getItemHandler,
  listItemsHandler,
  updateItemHandler,
} from './items-handlers.js';
import {
  getSettingsHandler,
  loadSampleHandler,
  portfolioInfoHandler,
  setSettingsHandler,
} from './portfolio-handlers.js';
import { matrixHandler } from './matrix-handlers.js';
import {
  backtestHandler,
  erosionHandler,
  excludeItemHandler,
  getForecastHandler,
  getPlanHandler,
  includeItemHandler,
  scenariosHandler,
} from './plan-handlers.js';
import { explainItemHandler, getScoringHandler, setScoringHandler } from './scoring-handlers.js';
import {
  applyScenarioHandler,
  closeSprintHandler,
  createSprintsHandler,
  getPlanningHandler,
  listSprintsHandler,
  pinItemHandler,
  setPlanningHandler,
  unpinItemHandler,
  updateSprintHandler,
} from './sprint-handlers.js';

export { createContext, type HandlerContext } from './context.js';

type Handlers = { readonly [C in Channel]: (ctx: HandlerContext, input: ParsedInput<C>) => Output<C> };

/** One handler per channel; the compiler refuses a contract entry without one. */
export const handlers: Handlers = {
  'items.list': listItemsHandler,
  'items.get': getItemHandler,
  'items.create': createItemHandler,
  'items.update': updateItemHandler,
  'items.delete': deleteItemHandler,
  'items.bulkUpdate': bulkUpdateItemsHandler,
  'items.explain': explainItemHandler,
  'items.matrix': matrixHandler,
  'portfolio.info': portfolioInfoHandler,
  'portfolio.loadSample': loadSampleHandler,
  'settings.get': getSettingsHandler,
  'settings.set': setSettingsHandler,
  'scoring.get': getScoringHandler,
  'scoring.set': setScoringHandler,
  'import.run': importRunHandler,
  'sprints.list': listSprintsHandler,
  'sprints.create': createSprintsHandler,
  'sprints.update': updateSprintHandler,
  'sprints.close': closeSprintHandler,
  'sprints.pin': pinItemHandler,
  'sprints.unpin': unpinItemHandler,
  'planning.get': getPlanningHandler,
  'planning.set': setPlanningHandler,
  'plan.get': getPlanHandler,
  'plan.exclude': excludeItemHandler,
  'plan.include': includeItemHandler,
  'forecast.get': getForecastHandler,
  'forecast.backtest': backtestHandler,
  'erosion.get': erosionHandler,
  'scenarios.get': scenariosHandler,
  'scenarios.apply': applyScenarioHandler,
};

function run<C extends Channel>(ctx: HandlerContext, channel: C, raw: unknown): Result<Output<C>> {
  // The schema for `channel` parses into exactly ParsedInput<C>; TypeScript cannot follow the lookup.
  const parsed = contract[channel].input.safeParse(raw) as
    | { success: true; data: ParsedInput<C> }
    | { success: false; error: ZodError };
  if (!parsed.success) return invalid(parsed.error);
  return ok(handlers[channel](ctx, parsed.data));
}

/**
 * The single entry point both hosts call: validates the payload against the contract, runs the handler,
 * and answers a Result. Known failures keep their code; anything else is logged and reported safely.
 */
export function dispatch(ctx: HandlerContext, channel: string, raw: unknown): Result<unknown> {
  if (!isChannel(channel)) return fail('unknown-action', `Paydown has no action called “${channel}”.`);
  try {
    return run(ctx, channel, raw);
  } catch (error) {
    return failureFrom(ctx, channel, error);
  }
}

function failureFrom(ctx: HandlerContext, channel: Channel, error: unknown): Result<never> {
  if (error instanceof StoreError) return fail(error.code, error.message, error.issues);
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    if (error.code === 'SQLITE_BUSY' || error.code === 'SQLITE_LOCKED') {
      return fail('io-error', 'The portfolio file is busy: another Paydown window or command is writing to it. Try again in a moment.');
    }
    if (error.code === 'SQLITE_READONLY' || error.code === 'SQLITE_CANTOPEN' || error.code === 'SQLITE_FULL' || error.code === 'SQLITE_IOERR') {
      return fail('io-error', `The portfolio file could not be written (${error.code}). Check the disk and the file's permissions; nothing was changed.`);
    }
    if (error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
      return fail('conflict', 'Another item already has this external reference (source and key); nothing was changed.');
    }
  }
  ctx.logError(channel, error);
  return fail('internal', `Paydown could not complete “${channel}” because of an internal error; nothing was changed. The details were written to the log.`);
}
