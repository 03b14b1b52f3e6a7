/**
 * The names of every action the app offers. Kept apart from the schemas so the sandboxed preload
 * can list them without bundling zod; `contract.ts` is checked against this list by the compiler.
 */
export const CHANNELS = [
  'items.list',
  'items.get',
  'items.create',
  'items.update',
  'items.delete',
  'items.bulkUpdate',
  'items.explain',
  'items.matrix',
  'items.matrixRevision',
  'portfolio.info',
  'portfolio.loadSample',
  'settings.get',
  'settings.set',
  'scoring.get',
  'scoring.set',
  'import.run',
  'import.start',
  'import.status',
  'import.cancel',
  'importMappings.get',
  'importMappings.save',
  'sprints.list',
  'sprints.create',
  'sprints.update',
  'sprints.close',
  'sprints.pin',
  'sprints.unpin',
  'planning.get',
  'planning.set',
  'plan.get',
  'plan.exclude',
  'plan.include',
  'forecast.get',
  'forecast.backtest',
  'erosion.get',
  'scenarios.get',
  'scenarios.apply',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** The IPC channel name Electron uses for an action. */
export const ipcChannel = (channel: Channel): string => `paydown:${channel}`;

export const isChannel = (name: string): name is Channel => (CHANNELS as readonly string[]).includes(name);
