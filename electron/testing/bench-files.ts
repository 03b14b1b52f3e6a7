import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Removes a portfolio file and its WAL and shared-memory companions. */
export function removePortfolio(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

/** A path in the temp folder for one benchmark's portfolio, cleared of anything an earlier run left there. */
export function benchPortfolioPath(name: string): string {
  const file = path.join(tmpdir(), `paydown-bench-${String(process.pid)}-${name}.paydown`);
  removePortfolio(file);
  return file;
}
