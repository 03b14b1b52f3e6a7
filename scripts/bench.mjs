// `npm run bench`: bundles every *.bench.ts beside the code it measures and runs each in its own Node
// process, so one benchmark's heap and caches never colour the next. Each prints its figures as ratios
// against a baseline measured in the same run; nothing here asserts on time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const roots = ['shared', 'electron'];
const only = process.argv[2];

function findBenches(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findBenches(full);
    return entry.name.endsWith('.bench.ts') ? [full] : [];
  });
}

const benches = roots.flatMap(findBenches).filter((file) => only === undefined || file.includes(only));
const outDir = path.join('.bench');
mkdirSync(outDir, { recursive: true });
let failed = 0;
for (const file of benches) {
  const outfile = path.join(outDir, `${file.replace(/[\\/]/g, '_')}.mjs`);
  await build({
    entryPoints: [file],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire as __pdRequire } from 'node:module'; const require = __pdRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  console.log(`\n## ${file}`);
  const run = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
// Browser measurements (the priority matrix in Chromium) run through Playwright with their own config.
const browserBenches = ['e2e/perf/matrix.bench.ts'].filter((file) => only === undefined || file.includes(only));
for (const file of browserBenches) {
  console.log(`\n## ${file}`);
  const run = spawnSync('npx', ['playwright', 'test', '-c', 'e2e/perf/playwright.perf.config.ts', path.basename(file)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed++;
}
if (benches.length + browserBenches.length === 0) console.log('No benchmarks matched.');
process.exitCode = failed === 0 ? 0 : 1;
