import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, type Channel } from '../../shared/api/channels.js';
import type { Input, Output, PaydownBridge } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';

const call =
  <C extends Channel>(channel: C) =>
  (input: Input<C>): Promise<Result<Output<C>>> =>
    // Main answers every paydown:<channel> invoke with dispatch()'s Result for that channel.
    ipcRenderer.invoke(ipcChannel(channel), input) as Promise<Result<Output<C>>>;

/** One named function per action and nothing else: no generic invoke, no ipcRenderer on window. */
const bridge = {
  'items.list': call('items.list'),
  'items.get': call('items.get'),
  'items.create': call('items.create'),
  'items.update': call('items.update'),
  'items.delete': call('items.delete'),
  'items.explain': call('items.explain'),
  'portfolio.info': call('portfolio.info'),
  'portfolio.loadSample': call('portfolio.loadSample'),
  'settings.get': call('settings.get'),
  'settings.set': call('settings.set'),
  'scoring.get': call('scoring.get'),
  'scoring.set': call('scoring.set'),
} satisfies PaydownBridge;

contextBridge.exposeInMainWorld('paydown', bridge);
