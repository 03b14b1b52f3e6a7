import { CHANNELS, type Channel } from '../../../shared/api/channels.js';
import type { Input, Output, PaydownBridge, PortfolioInfo } from '../../../shared/api/contract.js';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { DebtItem } from '../../../shared/domain/debt-item.js';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings.js';

/** Test double for the hosts: records every call and answers from replaceable handlers. */
type Handlers = { [C in Channel]: (input: Input<C>) => Result<Output<C>> | Promise<Result<Output<C>>> };

interface Call {
  readonly channel: Channel;
  readonly input: unknown;
}

export const TEST_INFO: PortfolioInfo = {
  path: '/home/zoë/portfolios/storefront.paydown',
  name: 'Storefront',
  unit: 'points',
  schemaVersion: 1,
  itemCount: 0,
  openCount: 0,
  owners: ['José Ramírez', 'Zoë Lindqvist'],
  tags: ['checkout', 'security'],
};

let seq = 0;

/** A stored item with sensible defaults; ids are distinct UUIDs per call. */
export function testItem(overrides: Partial<DebtItem> = {}): DebtItem {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    title: `Item ${String(seq)}`,
    description: '',
    kind: 'code',
    area: '',
    owner: '',
    tags: [],
    status: 'open',
    likelihood: 3,
    impact: 4,
    effort: { low: 2, likely: 3, high: 5 },
    interest: 1,
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function fakeBridge(overrides: Partial<Handlers> = {}) {
  const calls: Call[] = [];
  const handlers: Partial<Handlers> = {
    'items.list': (q) => ok({ items: [], total: 0, offset: q.offset ?? 0, limit: q.limit ?? 100 }),
    'items.get': () => fail('not-found', 'No such item.'),
    'items.create': (draft) => ok(testItem({ title: draft.title })),
    'items.delete': (input) => ok({ id: input.id }),
    'portfolio.info': () => ok(TEST_INFO),
    'portfolio.loadSample': () => ok({ created: 42 }),
    'settings.get': () => ok(DEFAULT_SETTINGS),
    'settings.set': (patch) =>
      ok({
        name: patch.name ?? DEFAULT_SETTINGS.name,
        unit: patch.unit ?? DEFAULT_SETTINGS.unit,
        sprintLengthDays: patch.sprintLengthDays ?? DEFAULT_SETTINGS.sprintLengthDays,
      }),
    'importMappings.get': () => ok(null),
    'importMappings.save': (input) => ok({ mapping: input.mapping, savedAt: '2026-01-05T09:00:00.000Z' }),
    ...overrides,
  };
  const respond =
    <C extends Channel>(channel: C) =>
    (input: Input<C>): Promise<Result<Output<C>>> => {
      calls.push({ channel, input });
      const handler: Handlers[C] | undefined = handlers[channel];
      return Promise.resolve(
        handler === undefined ? fail('internal', `This test gave no answer for ${channel}.`) : handler(input),
      );
    };
  // One typed responder per channel; listing CHANNELS keeps the fake complete as the contract grows.
  const bridge = Object.fromEntries(CHANNELS.map((channel) => [channel, respond(channel)])) as PaydownBridge;
  return {
    bridge,
    calls,
    handlers,
    /** The inputs sent on one channel, oldest first. */
    inputsOf: (channel: Channel): unknown[] => calls.filter((c) => c.channel === channel).map((c) => c.input),
  };
}
