import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DebtItemDraft, type DebtItem } from '../../shared/domain/debt-item.js';
import { arbDraft } from '../../shared/testing/arbitraries.js';
import { auditCount } from './audit-repo.js';
import { countItems, deleteItem, getItem, insertItems, updateItem } from './debt-items-repo.js';
import { listItems } from './item-query.js';
import { openStore } from './open-store.js';

const AT = '2026-11-25T10:00:00.000Z';
const idFor = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const listAll = (db: Parameters<typeof listItems>[0], sort: 'title' | 'risk' | 'updatedAt', direction: 'asc' | 'desc') =>
  listItems(db, { sort, direction, offset: 0, limit: 1000 }).items;

describe('debt items store (properties)', () => {
  it('gives back exactly what was saved, for any valid item', () => {
    fc.assert(
      fc.property(fc.array(arbDraft(), { minLength: 1, maxLength: 15 }), (inputs) => {
        const store = openStore(':memory:');
        try {
          const drafts = inputs.map((i) => DebtItemDraft.parse(i));
          const created = insertItems(store.db, drafts.map((draft, n) => ({ id: idFor(n + 1), draft })), AT);
          for (const item of created) expect(getItem(store.db, item.id)).toEqual(item);
          expect(countItems(store.db).total).toBe(drafts.length);
          expect(auditCount(store.db)).toBe(drafts.length);
        } finally {
          store.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('pages through a total, stable order whatever the sort', () => {
    fc.assert(
      fc.property(
        fc.array(arbDraft(), { minLength: 1, maxLength: 25 }),
        fc.constantFrom('title' as const, 'risk' as const, 'updatedAt' as const),
        fc.constantFrom('asc' as const, 'desc' as const),
        fc.integer({ min: 1, max: 7 }),
        (inputs, sort, direction, pageSize) => {
          const store = openStore(':memory:');
          try {
            insertItems(store.db, inputs.map((i, n) => ({ id: idFor(n + 1), draft: DebtItemDraft.parse(i) })), AT);
            const whole = listAll(store.db, sort, direction);
            const paged: DebtItem[] = [];
            for (let offset = 0; offset < inputs.length; offset += pageSize) {
              const page = listItems(store.db, { sort, direction, offset, limit: pageSize });
              expect(page.total).toBe(inputs.length);
              paged.push(...page.items);
            }
            expect(paged.map((i) => i.id)).toEqual(whole.map((i) => i.id));
            expect(new Set(whole.map((i) => i.id)).size).toBe(inputs.length);
            expect(listAll(store.db, sort, direction).map((i) => i.id)).toEqual(whole.map((i) => i.id));
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('matches a simple model under any sequence of creates, updates and deletes', () => {
    type Op = { kind: 'create'; draft: unknown } | { kind: 'update'; pick: number; draft: unknown; stale: boolean } | { kind: 'delete'; pick: number };
    const arbOp: fc.Arbitrary<Op> = fc.oneof(
      arbDraft().map((draft) => ({ kind: 'create' as const, draft })),
      fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), draft: arbDraft(), stale: fc.boolean() }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(arbOp, { maxLength: 30 }), (ops) => {
        const store = openStore(':memory:');
        const model = new Map<string, DebtItem>();
        let next = 0;
        let changes = 0;
        try {
          for (const op of ops) {
            const ids = [...model.keys()];
            if (op.kind === 'create') {
              const [item] = insertItems(store.db, [{ id: idFor(++next), draft: DebtItemDraft.parse(op.draft) }], AT);
              if (item !== undefined) model.set(item.id, item);
              changes++;
              continue;
            }
            const id = ids.length === 0 ? undefined : ids[op.pick % ids.length];
            const current = id === undefined ? undefined : model.get(id);
            if (id === undefined || current === undefined) continue;
            if (op.kind === 'update') {
              const version = op.stale ? current.version + 1 : current.version;
              const run = () => updateItem(store.db, id, version, DebtItemDraft.parse(op.draft), AT);
              if (op.stale) {
                expect(run).toThrow(/changed elsewhere/);
              } else {
                model.set(id, run());
                changes++;
              }
            } else {
              deleteItem(store.db, id, current.version, AT);
              model.delete(id);
              changes++;
            }
          }
          const stored = listAll(store.db, 'title', 'asc');
          expect(new Map(stored.map((i) => [i.id, i]))).toEqual(model);
          expect(auditCount(store.db)).toBe(changes);
        } finally {
          store.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
