import { createContext, type HandlerContext } from '../handlers/dispatch.js';
import { openStore } from '../store/open-store.js';
import type { CliEnv } from './cli-env.js';
import { portfolioPath } from './portfolio-path.js';

/** Opens the portfolio named by `--db` (or its defaults), runs `use` with a handler context, and always closes it. */
export function withPortfolio<T>(dbFlag: string | undefined, env: CliEnv, use: (ctx: HandlerContext) => T): T {
  const store = openStore(portfolioPath(dbFlag, env.env, env.cwd));
  try {
    return use(createContext(store));
  } finally {
    store.close();
  }
}
