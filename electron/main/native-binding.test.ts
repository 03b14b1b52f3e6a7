import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ELECTRON_ADDON_PATH, electronNativeBinding } from './native-binding.js';

const packaged = {
  appRoot: '/opt/Paydown/resources/app.asar',
  resourcesPath: '/opt/Paydown/resources',
};
const unpacked = path.join('/opt/Paydown/resources/app.asar.unpacked', ELECTRON_ADDON_PATH);

describe('electronNativeBinding', () => {
  it('prefers the unpacked copy in a packaged app', () => {
    expect(electronNativeBinding({ ...packaged, exists: () => true })).toBe(unpacked);
  });

  it('uses native/electron in the project folder during development', () => {
    const dev = path.join('/src/paydown', ELECTRON_ADDON_PATH);
    expect(
      electronNativeBinding({ appRoot: '/src/paydown', resourcesPath: '/src/paydown/node_modules/electron/dist/resources', exists: (f) => f === dev }),
    ).toBe(dev);
  });

  it('falls back to better-sqlite3’s default when no Electron build exists', () => {
    expect(electronNativeBinding({ ...packaged, exists: () => false })).toBeUndefined();
  });
});
