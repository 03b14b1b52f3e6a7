import { tmpdir } from 'node:os';
import path from 'node:path';
import { removePortfolio } from '../store/open-store.js';

/** A path in the temp folder for one benchmark's portfolio, cleared of anything an earlier run left there. */
export function benchPortfolioPath(name: string): string {
  const file = path.join(tmpdir(), `paydown-bench-${String(process.pid)}-${name}.paydown`);
  removePortfolio(file);
  return file;
}
