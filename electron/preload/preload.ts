import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, type Channel } from '../../shared/api/channels.js';
import { isMenuCommand, MENU_IPC_CHANNEL, type MenuCommand } from '../../shared/api/menu-commands.js';
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
  'items.bulkUpdate': call('items.bulkUpdate'),
  'items.explain': call('items.explain'),
  'items.matrix': call('items.matrix'),
  'items.matrixRevision': call('items.matrixRevision'),
  'portfolio.info': call('portfolio.info'),
  'portfolio.loadSample': call('portfolio.loadSample'),
  'settings.get': call('settings.get'),
  'settings.set': call('settings.set'),
  'scoring.get': call('scoring.get'),
  'scoring.set': call('scoring.set'),
  'import.run': call('import.run'),
  'import.start': call('import.start'),
  'import.status': call('import.status'),
  'import.cancel': call('import.cancel'),
  'importMappings.get': call('importMappings.get'),
  'importMappings.save': call('importMappings.save'),
  'sprints.list': call('sprints.list'),
  'sprints.create': call('sprints.create'),
  'sprints.update': call('sprints.update'),
  'sprints.close': call('sprints.close'),
  'sprints.pin': call('sprints.pin'),
  'sprints.unpin': call('sprints.unpin'),
  'planning.get': call('planning.get'),
  'planning.set': call('planning.set'),
  'plan.get': call('plan.get'),
  'plan.exclude': call('plan.exclude'),
  'plan.include': call('plan.include'),
  'forecast.get': call('forecast.get'),
  'forecast.backtest': call('forecast.backtest'),
  'erosion.get': call('erosion.get'),
  'scenarios.get': call('scenarios.get'),
  'scenarios.apply': call('scenarios.apply'),
} satisfies PaydownBridge;

contextBridge.exposeInMainWorld('paydown', bridge);

/** The desktop menu's commands (File › Import…) for one listener; anything else sent on the channel is dropped. */
const menu = {
  onCommand(listener: (command: MenuCommand) => void): () => void {
    const forward = (_event: unknown, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_IPC_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_IPC_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('paydownMenu', menu);
