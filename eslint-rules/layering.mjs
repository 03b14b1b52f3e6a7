// Folders are process boundaries: this rule turns an import across them into a lint error.
// Each layer lists what it may import; anything not listed is refused.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The layer a file belongs to, from its path relative to the project root. */
export function layerOf(relPath) {
  const p = relPath.split(path.sep).join('/');
  if (p.startsWith('shared/')) return 'shared';
  if (p.startsWith('renderer/')) return 'renderer';
  if (p.startsWith('electron/main/')) return 'electron-main';
  if (p.startsWith('electron/preload/')) return 'electron-preload';
  if (p.startsWith('electron/')) return 'electron-node';
  if (p.startsWith('e2e/')) return 'e2e';
  return 'tools';
}

const TEST_PACKAGES = ['vitest', 'fast-check'];

/** Per layer: which project layers it may reach with a relative import, and which packages it may import. */
export const POLICY = {
  // papaparse: the import parsers read CSV in shared/, so the app, the preview host and the CLI parse alike.
  shared: { layers: ['shared'], packages: ['zod', 'papaparse', ...TEST_PACKAGES], builtins: false, electron: false },
  renderer: {
    layers: ['shared', 'renderer'],
    packages: ['react', 'react-dom', 'react/jsx-runtime', 'zustand', 'd3', ...TEST_PACKAGES],
    packagePrefixes: ['d3-', 'zustand/', 'react-dom/'],
    builtins: false,
    electron: false,
  },
  'electron-node': {
    layers: ['shared', 'electron-node'],
    // uuid: time-ordered (v7) ids for new rows, which Node's crypto does not make.
    packages: ['better-sqlite3', 'zod', 'uuid', ...TEST_PACKAGES],
    builtins: true,
    electron: false,
  },
  'electron-main': {
    layers: ['shared', 'electron-node', 'electron-main'],
    // @electron/asar: packaging.test.ts lists the packaged app.asar.
    packages: ['better-sqlite3', 'zod', '@electron/asar', ...TEST_PACKAGES],
    builtins: true,
    electron: true,
  },
  'electron-preload': { layers: ['shared', 'electron-preload'], packages: [...TEST_PACKAGES], builtins: false, electron: true },
  e2e: {
    layers: ['shared', 'electron-node', 'e2e'],
    // The test packages: helpers the benchmarks share (reading a trace) are unit-tested beside them.
    packages: ['@playwright/test', 'playwright', '@axe-core/playwright', 'better-sqlite3', ...TEST_PACKAGES],
    builtins: true,
    electron: false,
  },
};

function packageName(source) {
  const parts = source.split('/');
  return source.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? source);
}

/** Why `source` may not be imported from `fromRel`, or null when it may. */
export function violation(fromRel, source) {
  const layer = layerOf(fromRel);
  const policy = POLICY[layer];
  if (policy === undefined) return null;
  if (source.startsWith('.')) {
    const target = path.join(path.dirname(fromRel), source);
    const targetLayer = layerOf(target);
    return policy.layers.includes(targetLayer) ? null : `${layer} code may not import from ${targetLayer} (${source}).`;
  }
  if (source === 'electron' || source.startsWith('electron/')) {
    return policy.electron ? null : `Only electron/main and electron/preload may import "electron" (${layer} tried).`;
  }
  if (NODE_BUILTINS.has(source) || source.startsWith('node:')) {
    return policy.builtins ? null : `${layer} code runs outside Node and may not import the built-in "${source}".`;
  }
  const name = packageName(source);
  const allowed =
    policy.packages.includes(source) ||
    policy.packages.includes(name) ||
    (policy.packagePrefixes ?? []).some((prefix) => source.startsWith(prefix));
  return allowed ? null : `${layer} code may not import the package "${source}"; see eslint-rules/layering.mjs.`;
}

export const layeringRule = {
  meta: { type: 'problem', docs: { description: 'Keep imports inside process boundaries.' }, schema: [] },
  create(context) {
    const rel = path.relative(context.cwd, context.filename);
    const check = (node) => {
      if (node.source === null || node.source === undefined || typeof node.source.value !== 'string') return;
      const message = violation(rel, node.source.value);
      if (message !== null) context.report({ node: node.source, message });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
