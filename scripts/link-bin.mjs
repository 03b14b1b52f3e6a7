// npm links the bins of dependencies into node_modules/.bin but never the project's own, so
// `npx paydown` would fail in a fresh clone. This does for the clone what `npm link` does globally.
import { chmod, mkdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';

export async function linkOwnBin() {
  const binDir = join('node_modules', '.bin');
  await mkdir(binDir, { recursive: true });
  const link = join(binDir, 'paydown');
  await rm(link, { force: true });
  await symlink(join('..', '..', 'bin', 'paydown.mjs'), link);
  await chmod(join('bin', 'paydown.mjs'), 0o755);
}
