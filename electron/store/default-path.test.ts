import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPortfolioPath, resolvePortfolioPath } from './default-path.js';

describe('default portfolio path', () => {
  it('follows each OS’s per-user app-data folder, as Electron’s userData does', () => {
    expect(defaultPortfolioPath({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Paydown/portfolio.paydown');
    expect(defaultPortfolioPath({ XDG_CONFIG_HOME: '/data/cfg' }, 'linux', '/home/ana')).toBe('/data/cfg/Paydown/portfolio.paydown');
    // A relative XDG_CONFIG_HOME is invalid per the spec and ignored.
    expect(defaultPortfolioPath({ XDG_CONFIG_HOME: 'cfg' }, 'linux', '/home/ana')).toBe('/home/ana/.config/Paydown/portfolio.paydown');
    expect(defaultPortfolioPath({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Paydown/portfolio.paydown');
    expect(defaultPortfolioPath({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Paydown\\portfolio.paydown',
    );
  });

  it('prefers --db, then PAYDOWN_DB, then the default', () => {
    expect(resolvePortfolioPath('team.paydown', { PAYDOWN_DB: '/x/env.paydown' })).toBe(path.resolve('team.paydown'));
    expect(resolvePortfolioPath(undefined, { PAYDOWN_DB: '/x/env.paydown' })).toBe('/x/env.paydown');
    expect(resolvePortfolioPath('', { PAYDOWN_DB: '', XDG_CONFIG_HOME: '/cfg' })).toMatch(/Paydown[\\/]portfolio\.paydown$/);
  });
});
