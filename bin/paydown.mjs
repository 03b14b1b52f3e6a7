#!/usr/bin/env node
// The `paydown` command. The CLI itself is TypeScript, bundled by `npm run build` into dist/electron/cli.mjs.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/electron/cli.mjs', import.meta.url);

if (existsSync(cli)) {
  const { main } = await import(cli.href);
  await main(process.argv.slice(2));
} else {
  console.error('Paydown is not built yet: run `npm run build` (npm install does this for you).');
  process.exitCode = 1;
}
