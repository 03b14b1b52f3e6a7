import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, ipcChannel } from '../../shared/api/channels.js';
import { ok, type Result } from '../../shared/api/result.js';
import type { HandlerContext } from '../handlers/dispatch.js';
import {
  NO_PORTFOLIO_MESSAGE,
  REFUSED_SENDER_MESSAGE,
  registerIpcHandlers,
  type InvokeEvent,
  type IpcOptions,
  type SenderFrame,
} from './ipc.js';

type Listener = (event: InvokeEvent, ...args: unknown[]) => unknown;

const mainFrame: SenderFrame = { url: 'app://paydown/index.html', parent: null, processId: 7, routingId: 1 };
const ourContents = { mainFrame };
// The handlers only pass the context through to dispatch, so any object stands in for it.
const context = { marker: 'ctx' } as unknown as HandlerContext;

let handlers: Map<string, Listener>;
let handleCalls: number;
let dispatch: ReturnType<typeof vi.fn<IpcOptions['dispatch']>>;
let currentContext: HandlerContext | undefined;
let currentContents: typeof ourContents | undefined;

beforeEach(() => {
  handlers = new Map();
  handleCalls = 0;
  currentContext = context;
  currentContents = ourContents;
  dispatch = vi.fn<IpcOptions['dispatch']>((_ctx, channel) => ok({ answered: channel }));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  registerIpcHandlers(
    {
      handle: (channel, listener) => {
        handleCalls += 1;
        handlers.set(channel, listener);
      },
    },
    () => currentContext,
    { mainContents: () => currentContents, dispatch },
  );
});

function invoke(channel: string, event: InvokeEvent, input: unknown): Result<unknown> {
  const handler = handlers.get(channel);
  if (handler === undefined) throw new Error(`no handler for ${channel}`);
  // registerIpcHandlers' listeners all return dispatch()'s Result synchronously.
  return handler(event, input) as Result<unknown>;
}

const fromOurWindow: InvokeEvent = { sender: ourContents, senderFrame: mainFrame };

describe('registerIpcHandlers', () => {
  it('registers exactly one paydown:<channel> handler per contract channel', () => {
    expect(handleCalls).toBe(CHANNELS.length);
    expect([...handlers.keys()].sort()).toEqual(CHANNELS.map((c) => ipcChannel(c)).sort());
    expect([...handlers.keys()].every((name) => name.startsWith('paydown:'))).toBe(true);
  });

  it('passes a call from our main frame to dispatch with the channel and raw input', () => {
    const input = { limit: 5 };
    expect(invoke('paydown:items.list', fromOurWindow, input)).toEqual(ok({ answered: 'items.list' }));
    expect(dispatch).toHaveBeenCalledExactlyOnceWith(context, 'items.list', input);
  });

  it.each<[string, InvokeEvent]>([
    ['a sub-frame of our window', { sender: ourContents, senderFrame: { ...mainFrame, routingId: 2, parent: mainFrame } }],
    ['a sub-frame claiming our ids', { sender: ourContents, senderFrame: { ...mainFrame, parent: mainFrame } }],
    ['a frame showing another origin', { sender: ourContents, senderFrame: { ...mainFrame, url: 'https://evil.example/' } }],
    ['a look-alike app origin', { sender: ourContents, senderFrame: { ...mainFrame, url: 'app://paydown.evil/index.html' } }],
    ['credentials before the host', { sender: ourContents, senderFrame: { ...mainFrame, url: 'app://paydown@evil/' } }],
    ['a file:// page', { sender: ourContents, senderFrame: { ...mainFrame, url: 'file:///tmp/index.html' } }],
    ['another window', { sender: { mainFrame }, senderFrame: mainFrame }],
    ['a frame that is gone', { sender: ourContents, senderFrame: null }],
  ])('refuses %s without calling dispatch', (_label, event) => {
    const result = invoke('paydown:items.delete', event, { id: 'x', version: 1 });
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: REFUSED_SENDER_MESSAGE } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses every call while no window is open', () => {
    currentContents = undefined;
    expect(invoke('paydown:items.list', fromOurWindow, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers a Result when no portfolio is open', () => {
    currentContext = undefined;
    expect(invoke('paydown:portfolio.info', fromOurWindow, {})).toEqual({
      ok: false,
      error: { code: 'io-error', message: NO_PORTFOLIO_MESSAGE },
    });
  });

  it('turns an exception escaping dispatch into an internal-error Result', () => {
    dispatch.mockImplementation(() => {
      throw new Error('boom');
    });
    expect(invoke('paydown:items.get', fromOurWindow, { id: 'x' })).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
