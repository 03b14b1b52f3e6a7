import { ItemExplanation, explanationLines } from '../../shared/scoring/explanation.js';
import { Settings } from '../../shared/domain/settings.js';
import { createContext } from '../handlers/dispatch.js';
import { openStore } from '../store/open-store.js';
import { callApi } from './call-api.js';
import { EXIT_OK, type CliEnv } from './cli-env.js';
import { CommandFailure, UsageError } from './cli-errors.js';
import { DB_OPTION } from './common-options.js';
import { parseOptions } from './parse-options.js';
import { portfolioPath } from './portfolio-path.js';

const OPTIONS = { ...DB_OPTION, json: { type: 'boolean' } } as const;

/** `paydown items explain ID`: each term of the item's score, its weight and contribution, and its rank. */
export function itemsExplain(args: readonly string[], env: CliEnv): number {
  const [id, ...rest] = args;
  if (id === undefined || id.startsWith('-')) throw new UsageError('"paydown items explain" needs the id of an item (see "paydown items list").');
  const values = parseOptions(rest, OPTIONS, 'paydown items explain');
  const store = openStore(portfolioPath(values.db, env.env, env.cwd));
  let explained: unknown;
  let settings: unknown;
  try {
    const ctx = createContext(store);
    explained = callApi(ctx, 'items.explain', { id }, (path) => (path === 'id' ? 'ID' : null));
    settings = callApi(ctx, 'settings.get', {});
  } finally {
    store.close();
  }
  const parsed = ItemExplanation.safeParse(explained);
  const parsedSettings = Settings.safeParse(settings);
  if (!parsed.success || !parsedSettings.success) throw new CommandFailure('The portfolio answered items.explain in an unexpected shape.');
  if (values.json === true) {
    env.stdout.write(`${JSON.stringify(parsed.data, null, 2)}\n`);
    return EXIT_OK;
  }
  env.stdout.write(`${explanationLines(parsed.data, parsedSettings.data.unit).join('\n')}\n`);
  return EXIT_OK;
}
