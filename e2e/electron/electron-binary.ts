import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type ElectronBinary = { binary: string } | { missing: string };

/** The Electron executable, found the way `electron`'s index.js does it but without its download attempt. */
export function findElectron(root: string): ElectronBinary {
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return { missing: 'node_modules/electron/path.txt is absent, so the download never ran' };
  const binary = path.join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { binary } : { missing: `${path.relative(root, binary)} does not exist` };
}

export function skipReason(found: ElectronBinary): string {
  return 'missing' in found ? `Electron binary not installed (cannot be downloaded on this machine): ${found.missing}` : '';
}
