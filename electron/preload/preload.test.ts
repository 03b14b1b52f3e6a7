import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/api/channels.js';

type Bridge = Record<string, (input: unknown) => Promise<unknown>>;

const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn<(key: string, api: Bridge) => void>(),
  invoke: vi.fn<(channel: string, input: unknown) => Promise<unknown>>((channel) => Promise.resolve({ ok: true, value: channel })),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: { invoke: electron.invoke },
}));

await import('./preload.js');

function exposed(): { key: string; api: Bridge } {
  expect(electron.exposeInMainWorld).toHaveBeenCalledOnce();
  const call = electron.exposeInMainWorld.mock.calls[0];
  if (call === undefined) throw new Error('exposeInMainWorld was not called');
  return { key: call[0], api: call[1] };
}

describe('preload', () => {
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
