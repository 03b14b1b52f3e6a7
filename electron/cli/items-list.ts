import { z } from 'zod';
import { MAX_PAGE_SIZE } from '../../shared/api/contract.js';
import { DebtItem } from '../../shared/domain/debt-item.js';
import { Settings } from '../../shared/domain/settings.js';
import { publicScores } from '../../shared/scoring/explanation.js';
import { scorePortfolio } from '../../shared/scoring/score-portfolio.js';
import { ScoringSettings } from '../../shared/scoring/weights.js';
import { localDate } from '../handlers/scoring-handlers.js';
import { createContext, type HandlerContext } from '../handlers/dispatch.js';
import { openStore } from '../store/open-store.js';
import { callApi } from './call-api.js';
import { EXIT_OK, type CliEnv } from './cli-env.js';
import { CommandFailure } from './cli-errors.js';
import { DB_OPTION } from './common-options.js';
import { formatItemTable } from './item-table.js';
import { parseOptions } from './parse-options.js';
import { portfolioPath } from './portfolio-path.js';

const OPTIONS = { ...DB_OPTION, json: { type: 'boolean' } } as const;

// Items stay unparsed here so `--json` prints them exactly as the API answered.
const PageEnvelope = z.object({ items: z.array(z.unknown()), total: z.number().int().min(0) });

/** Every item, paging through `items.list` with the largest page it allows. */
export function listAllItems(ctx: HandlerContext, pageSize: number = MAX_PAGE_SIZE): unknown[] {
  const all: unknown[] = [];
  for (;;) {
    const value = callApi(ctx, 'items.list', { sort: 'createdAt', direction: 'asc', offset: all.length, limit: pageSize });
    const page = PageEnvelope.safeParse(value);
    if (!page.success) throw new CommandFailure('The portfolio answered items.list in an unexpected shape.');
    all.push(...page.data.items);
    if (page.data.items.length === 0 || all.length >= page.data.total) return all;
  }
}

export function itemsList(args: readonly string[], env: CliEnv): number {
  const values = parseOptions(args, OPTIONS, 'paydown items list');
  const dbPath = portfolioPath(values.db, env.env, env.cwd);
  const store = openStore(dbPath);
  let items: unknown[];
  let settings: unknown;
  let scoring: unknown;
  const ctx = createContext(store);
  try {
    items = listAllItems(ctx);
    settings = callApi(ctx, 'settings.get', {});
    scoring = callApi(ctx, 'scoring.get', {});
  } finally {
    store.close();
  }
  const parsed = z.array(DebtItem).safeParse(items);
  const parsedSettings = Settings.safeParse(settings);
  const parsedScoring = ScoringSettings.safeParse(scoring);
  if (!parsed.success || !parsedSettings.success || !parsedScoring.success) {
    throw new CommandFailure('The portfolio holds data this version of Paydown cannot read.');
  }
  if (values.json === true) {
    const ranked = scorePortfolio(parsed.data, parsedScoring.data, parsedSettings.data.sprintLengthDays, localDate(ctx.now()));
    const scoresById = new Map(ranked.map((s) => [s.item.id, publicScores(s.scores)]));
    // Each item as the API returns it, plus its scores; the order stays the API's (oldest first).
    const withScores = parsed.data.map((item) => ({ ...item, scores: scoresById.get(item.id) }));
    env.stdout.write(`${JSON.stringify(withScores, null, 2)}\n`);
    return EXIT_OK;
  }
  env.stdout.write(formatItemTable(parsed.data, dbPath));
  return EXIT_OK;
}
