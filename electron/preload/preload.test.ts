import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/api/channels.js';

type Bridge = Record<string, (input: unknown) => Promise<unknown>>;
type Listener = (event: unknown, ...args: unknown[]) => void;
interface MenuApi {
  onCommand(listener: (command: string) => void): () => void;
}

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  return {
    listeners,
    exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>(),
    invoke: vi.fn<(channel: string, input: unknown) => Promise<unknown>>((channel) => Promise.resolve({ ok: true, value: channel })),
    on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    }),
    removeListener: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener);
    }),
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: { invoke: electron.invoke, on: electron.on, removeListener: electron.removeListener },
}));

await import('./preload.js');

function exposedAs(key: string): unknown {
  const calls = electron.exposeInMainWorld.mock.calls.filter((call) => call[0] === key);
  expect(calls).toHaveLength(1);
  return calls[0]?.[1];
}

function exposed(): { key: string; api: Bridge } {
  // Only what the preload itself passed for this key; its shape is checked by the tests below.
  return { key: 'paydown', api: exposedAs('paydown') as Bridge };
}

/** What main's webContents.send(channel, …args) delivers to the preload's listeners. */
function sendFromMain(channel: string, ...args: unknown[]): void {
  for (const listener of electron.listeners.get(channel) ?? new Set<Listener>()) listener({}, ...args);
}

describe('preload', () => {
  it('exposes exactly window.paydown and window.paydownMenu', () => {
    expect(electron.exposeInMainWorld.mock.calls.map((call) => call[0]).sort()).toEqual(['paydown', 'paydownMenu']);
  });

  it('forwards the menu’s known commands to the listener until it unsubscribes, and drops anything else', () => {
    const menu = exposedAs('paydownMenu') as MenuApi;
    const heard: string[] = [];
    const stop = menu.onCommand((command) => heard.push(command));
    sendFromMain('paydown:menu', 'import');
    sendFromMain('paydown:menu', 'rm -rf');
    sendFromMain('paydown:menu', { command: 'import' });
    sendFromMain('paydown:other', 'import');
    expect(heard).toEqual(['import']);
    stop();
    sendFromMain('paydown:menu', 'import');
    expect(heard).toEqual(['import']);
  });

  it('exposes window.paydown with exactly one function per channel and nothing else', () => {
    const { key, api } = exposed();
    expect(key).toBe('paydown');
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    expect(Object.values(api).every((fn) => typeof fn === 'function')).toBe(true);
  });

  it.each(CHANNELS)('%s invokes paydown:<channel> with the input and returns main’s answer', async (channel) => {
    const { api } = exposed();
    const input = { probe: channel };
    const call = api[channel];
    if (call === undefined) throw new Error(`no ${channel} on the bridge`);
    await expect(call(input)).resolves.toEqual({ ok: true, value: `paydown:${channel}` });
    expect(electron.invoke).toHaveBeenLastCalledWith(`paydown:${channel}`, input);
  });
});
