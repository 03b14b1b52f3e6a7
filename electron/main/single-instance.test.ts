import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance, type SingleInstanceApp } from './single-instance.js';

function fakeApp(gotLock: boolean) {
  const listeners: ((event: unknown, argv: string[], workingDirectory: string) => void)[] = [];
  const app = {
    requestSingleInstanceLock: vi.fn(() => gotLock),
    quit: vi.fn(),
    on: vi.fn((_event: 'second-instance', listener: (typeof listeners)[number]) => {
      listeners.push(listener);
    }),
  } satisfies SingleInstanceApp;
  return { app, listeners };
}

describe('claimSingleInstance', () => {
  it('quits and reports false when another instance holds the lock', () => {
    const { app } = fakeApp(false);
    const onSecond = vi.fn();
    expect(claimSingleInstance(app, onSecond)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.on).not.toHaveBeenCalled();
  });

  it('keeps running and forwards a later launch’s command line', () => {
    const { app, listeners } = fakeApp(true);
    const onSecond = vi.fn();
    expect(claimSingleInstance(app, onSecond)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    listeners[0]?.({}, ['/opt/Paydown/paydown', '/home/me/q3.paydown'], '/home/me');
    expect(onSecond).toHaveBeenCalledWith(['/opt/Paydown/paydown', '/home/me/q3.paydown'], '/home/me');
  });
});
