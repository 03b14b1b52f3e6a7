import type { ZodError } from 'zod';
import type { Output, ParsedInput } from '../../shared/api/contract.js';
import { contract } from '../../shared/api/contract.js';
import { type Channel, isChannel } from '../../shared/api/channels.js';
import { fail, invalid, ok, type Result } from '../../shared/api/result.js';
import type { HandlerContext } from './context.js';
import { failureFrom } from './handler-failure.js';
import {
  getSavedMappingHandler,
  importCancelHandler,
  importRunHandler,
  importStartHandler,
  importStatusHandler,
  saveMappingHandler,
} from './import-handlers.js';
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
import { matrixHandler, matrixRevisionHandler } from './matrix-handlers.js';
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
  'items.matrixRevision': matrixRevisionHandler,
  'portfolio.info': portfolioInfoHandler,
  'portfolio.loadSample': loadSampleHandler,
  'settings.get': getSettingsHandler,
  'settings.set': setSettingsHandler,
  'scoring.get': getScoringHandler,
  'scoring.set': setScoringHandler,
  'import.run': importRunHandler,
  'import.start': importStartHandler,
  'import.status': importStatusHandler,
  'import.cancel': importCancelHandler,
  'importMappings.get': getSavedMappingHandler,
  'importMappings.save': saveMappingHandler,
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
 * What may run while an import job's transaction is open: following and cancelling it, and starting another
 * job, which only reads its file until the open one is over and then writes in turn (a wizard starts a new
 * preview whenever the mapping changes). Anything else would run inside that transaction, reading the
 * half-written import or being rolled back with it.
 */
const DURING_IMPORT_WRITE: ReadonlySet<Channel> = new Set<Channel>(['import.status', 'import.cancel', 'import.start']);

/**
 * The single entry point both hosts call: validates the payload against the contract, runs the handler,
 * and answers a Result. Known failures keep their code; anything else is logged and reported safely.
 */
export function dispatch(ctx: HandlerContext, channel: string, raw: unknown): Result<unknown> {
  if (!isChannel(channel)) return fail('unknown-action', `Paydown has no action called “${channel}”.`);
  if (ctx.importJobs.writing && !DURING_IMPORT_WRITE.has(channel)) {
    return fail('busy', 'An import is writing to this portfolio. Wait until it finishes (or cancel it), then try again.');
  }
  try {
    return run(ctx, channel, raw);
  } catch (error) {
    return failureFrom(ctx, channel, error);
  }
}
