import { describe, expect, it } from 'vitest';
import { layerOf, violation } from './layering.mjs';

describe('layering', () => {
  it('names layers from folders', () => {
    expect(layerOf('shared/api/contract.ts')).toBe('shared');
    expect(layerOf('electron/main/window.ts')).toBe('electron-main');
    expect(layerOf('electron/store/open-store.ts')).toBe('electron-node');
    expect(layerOf('renderer/src/App.tsx')).toBe('renderer');
  });

  it('keeps shared free of node, electron, the DOM side and other layers', () => {
    expect(violation('shared/domain/x.ts', 'node:fs')).toMatch(/built-in/);
    expect(violation('shared/domain/x.ts', 'fs')).toMatch(/built-in/);
    expect(violation('shared/domain/x.ts', 'electron')).toMatch(/Only electron\/main/);
    expect(violation('shared/domain/x.ts', '../../electron/store/open-store.js')).toMatch(/electron-node/);
    expect(violation('shared/domain/x.ts', 'react')).toMatch(/package "react"/);
    expect(violation('shared/domain/x.ts', 'zod')).toBeNull();
    expect(violation('shared/domain/x.ts', '../api/result.js')).toBeNull();
  });

  it('lets the renderer import shared and browser libraries only', () => {
    expect(violation('renderer/src/App.tsx', '../../shared/api/contract.js')).toBeNull();
    expect(violation('renderer/src/App.tsx', 'd3-scale')).toBeNull();
    expect(violation('renderer/src/App.tsx', 'zustand/react/shallow')).toBeNull();
    expect(violation('renderer/src/App.tsx', 'node:path')).toMatch(/built-in/);
    expect(violation('renderer/src/App.tsx', 'electron')).toMatch(/Only electron\/main/);
    expect(violation('renderer/src/App.tsx', '../../electron/handlers/dispatch.js')).toMatch(/electron-node/);
    expect(violation('renderer/src/App.tsx', 'better-sqlite3')).toMatch(/package/);
  });

  it('allows electron only in main and preload', () => {
    expect(violation('electron/main/window.ts', 'electron')).toBeNull();
    expect(violation('electron/preload/preload.ts', 'electron')).toBeNull();
    expect(violation('electron/handlers/dispatch.ts', 'electron')).toMatch(/Only electron\/main/);
    expect(violation('electron/cli/main.ts', 'electron')).toMatch(/Only electron\/main/);
    expect(violation('electron/store/x.ts', '../main/window.js')).toMatch(/electron-main/);
  });
});
