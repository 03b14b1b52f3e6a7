import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../../shared/api/menu-commands.js';
import { listenToMenu } from './menu-commands.js';
import type { PaydownMenu } from './paydown-window.js';

function fakeMenu() {
  const listeners = new Set<(command: MenuCommand) => void>();
  const menu: PaydownMenu = {
    onCommand(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  const send = (command: MenuCommand) => {
    for (const listener of listeners) listener(command);
  };
  return { menu, send, listeners };
}

describe('listenToMenu', () => {
  it('opens the import wizard for File › Import… until unsubscribed', () => {
    const { menu, send, listeners } = fakeMenu();
    const handlers = { import: vi.fn<() => void>() };
    const stop = listenToMenu(menu, handlers);
    send('import');
    expect(handlers.import).toHaveBeenCalledOnce();
    stop();
    expect(listeners.size).toBe(0);
    send('import');
    expect(handlers.import).toHaveBeenCalledOnce();
  });

  it('does nothing in the preview host, which has no menu', () => {
    const handlers = { import: vi.fn<() => void>() };
    const stop = listenToMenu(undefined, handlers);
    expect(() => {
      stop();
    }).not.toThrow();
    expect(handlers.import).not.toHaveBeenCalled();
  });
});
