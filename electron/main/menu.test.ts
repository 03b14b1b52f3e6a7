import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuActions, type MenuState } from './menu.js';

function actions() {
  return {
    newPortfolio: vi.fn<() => void>(),
    openPortfolio: vi.fn<() => void>(),
    openRecent: vi.fn<(file: string) => void>(),
    clearRecent: vi.fn<() => void>(),
    showAbout: vi.fn<() => void>(),
    openReadme: vi.fn<() => void>(),
    importFile: vi.fn<() => void>(),
  } satisfies MenuActions;
}

const linux: MenuState = { platform: 'linux', isDev: false, recentFiles: [] };

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  if (item === undefined || !Array.isArray(item.submenu)) throw new Error(`${item?.label ?? 'item'} has no submenu`);
  return item.submenu;
}

function named(items: readonly MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((item) => item.label === label);
  if (found === undefined) throw new Error(`no “${label}” in ${items.map((i) => i.label ?? i.role ?? i.type).join(', ')}`);
  return found;
}

/** What a reader sees: a label, a role, or '---' for a separator. */
const describeItems = (items: readonly MenuItemConstructorOptions[]) =>
  items.map((i) => (i.type === 'separator' ? '---' : (i.label ?? `role:${i.role ?? '?'}`)));

// Menu clicks receive (menuItem, window, event); ours ignore them, so calling with none is faithful.
const click = (item: MenuItemConstructorOptions) => {
  if (item.click === undefined) throw new Error(`${item.label ?? 'item'} has no click`);
  Reflect.apply(item.click, undefined, []);
};

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help on Linux and Windows', () => {
    const template = buildMenuTemplate(linux, actions());
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(describeItems(submenu(template[0]))).toEqual(['New Portfolio…', 'Open…', 'Open Recent', '---', 'Import…', '---', 'role:quit']);
  });

  it('wires New, Open and Import to their actions', () => {
    const a = actions();
    const file = submenu(buildMenuTemplate(linux, a)[0]);
    click(named(file, 'New Portfolio…'));
    click(named(file, 'Open…'));
    click(named(file, 'Import…'));
    expect(a.newPortfolio).toHaveBeenCalledOnce();
    expect(a.openPortfolio).toHaveBeenCalledOnce();
    expect(a.importFile).toHaveBeenCalledOnce();
    expect(named(file, 'Import…').accelerator).toBe('CmdOrCtrl+I');
  });

  it('lists recent files, opens the one clicked, and can clear them', () => {
    const a = actions();
    const recentFiles = ['/home/me/q3.paydown', '/home/me/team/platform.paydown'];
    const recent = submenu(named(submenu(buildMenuTemplate({ ...linux, recentFiles }, a)[0]), 'Open Recent'));
    expect(describeItems(recent)).toEqual([
      'q3.paydown — /home/me',
      'platform.paydown — /home/me/team',
      '---',
      'Clear Recently Opened',
    ]);
    click(named(recent, 'platform.paydown — /home/me/team'));
    expect(a.openRecent).toHaveBeenCalledWith('/home/me/team/platform.paydown');
    const clear = named(recent, 'Clear Recently Opened');
    expect(clear.enabled).toBe(true);
    click(clear);
    expect(a.clearRecent).toHaveBeenCalledOnce();
  });

  it('shows a disabled placeholder when nothing was opened yet', () => {
    const recent = submenu(named(submenu(buildMenuTemplate(linux, actions())[0]), 'Open Recent'));
    expect(named(recent, 'No Recent Portfolios').enabled).toBe(false);
    expect(named(recent, 'Clear Recently Opened').enabled).toBe(false);
  });

  it('uses roles for editing', () => {
    const edit = submenu(buildMenuTemplate(linux, actions())[1]);
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
  });

  it('offers developer tools only in development', () => {
    const roles = (isDev: boolean) => submenu(buildMenuTemplate({ ...linux, isDev }, actions())[2]).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
  });

  it('Help offers About and the README', () => {
    const a = actions();
    const help = submenu(buildMenuTemplate(linux, a)[3]);
    click(named(help, 'About Paydown'));
    click(named(help, 'Paydown README'));
    expect(a.showAbout).toHaveBeenCalledOnce();
    expect(a.openReadme).toHaveBeenCalledOnce();
  });

  it('on macOS puts About and Quit in the app menu', () => {
    const template = buildMenuTemplate({ ...linux, platform: 'darwin' }, actions());
    expect(template.map((m) => m.label)).toEqual(['Paydown', 'File', 'Edit', 'View', 'Help']);
    expect(describeItems(submenu(template[0]))).toContain('About Paydown');
    expect(submenu(template[0]).map((i) => i.role)).toContain('quit');
    expect(describeItems(submenu(template[1]))).toEqual(['New Portfolio…', 'Open…', 'Open Recent', '---', 'Import…']);
  });
});
