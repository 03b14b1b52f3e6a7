// Builds everything the hosts run: the renderer (Vite) and the Node/Electron side (esbuild bundles).
// Type-checking is `npm run typecheck`; this only transpiles, so it stays fast enough for `prepare`.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { linkOwnBin } from './link-bin.mjs';

const nodeTarget = { platform: 'node', target: 'node20', bundle: true, sourcemap: true, logLevel: 'warning' };
// Native and Electron modules cannot be bundled; everything else (zod, …) is, so the app ships one file per entry.
const external = ['electron', 'better-sqlite3'];

await Promise.all([
  viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' }),
  esbuild({
    ...nodeTarget,
    format: 'esm',
    entryPoints: { main: 'electron/main/main.ts', cli: 'electron/cli/main.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.mjs' },
    external,
    // ESM output still meets CommonJS packages (better-sqlite3); give the bundle a real `require`.
    banner: { js: "import { createRequire as __pdRequire } from 'node:module'; const require = __pdRequire(import.meta.url);" },
  }),
  // A sandboxed preload must be a single CommonJS file that requires nothing but `electron`.
  esbuild({
    ...nodeTarget,
    format: 'cjs',
    entryPoints: { preload: 'electron/preload/preload.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  }),
]);
await linkOwnBin();
