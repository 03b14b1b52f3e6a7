import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DebtItemDraft, draftOf, mergePatch, STATUSES, type DebtItem, type DebtItemPatch } from '../../shared/domain/debt-item.js';
import { arbDraft } from '../../shared/testing/arbitraries.js';
import { makeTempDir } from '../testing/temp-dir.js';
import { auditCount, auditTrail } from './audit-repo.js';
import { bulkUpdateItems } from './bulk-update.js';
import { allItems, getItem, insertItems } from './debt-items-repo.js';
import { openStore, type Store } from './open-store.js';
import { StoreError } from './store-error.js';

const CREATED = '2026-11-25T10:00:00.000Z';
const AT = '2026-11-25T11:00:00.000Z';
const idFor = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const base = { likelihood: 3, impact: 4, effort: { low: 1, likely: 2, high: 3 }, interest: 1 };

const temp = makeTempDir('paydown-bulk-');
afterAll(() => {
  temp.cleanup();
});
let files = 0;
/** A fresh portfolio file in the temp folder: the same SQLite code path the app runs on. */
const openFresh = (): Store => openStore(temp.file(`bulk-${String(++files)}.paydown`));

function seed(store: Store, drafts: readonly unknown[]): DebtItem[] {
  return insertItems(store.db, drafts.map((d, n) => ({ id: idFor(n + 1), draft: DebtItemDraft.parse(d) })), CREATED);
}

/** Everything a bulk update could touch, as raw rows: a refused one must leave all of it byte-for-byte alike. */
function snapshot(store: Store): unknown {
  return {
    items: store.db.prepare('SELECT * FROM debt_items ORDER BY seq').all(),
    tags: store.db.prepare('SELECT * FROM item_tags ORDER BY item_seq, position').all(),
    audit: store.db.prepare('SELECT * FROM audit_log ORDER BY seq').all(),
  };
}

function refusal(run: () => unknown): StoreError {
  try {
    run();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected the bulk update to be refused');
}

describe('bulkUpdateItems', () => {
  let store: Store;
  let items: DebtItem[];
  beforeEach(() => {
    store = openFresh();
    items = seed(store, [
      { ...base, title: 'Flaky checkout tests', tags: ['ci'] },
      { ...base, title: 'Old TLS library', status: 'in_progress' },
      { ...base, title: 'Undocumented deploy' },
    ]);
  });
  afterEach(() => {
    store.close();
  });

  it('applies the patch to every item in one go, each with version + 1 and an audit entry', () => {
    const targets = items.map(({ id, version }) => ({ id, version }));
    expect(bulkUpdateItems(store.db, targets, { status: 'planned' }, AT)).toBe(3);
    for (const before of items) {
      const after = getItem(store.db, before.id);
      expect(after).toEqual({ ...before, status: 'planned', version: 2, updatedAt: AT });
      const trail = auditTrail(store.db, 'item', before.id);
      expect(trail.map((e) => e.action)).toEqual(['create', 'update']);
      expect(trail[1]?.before).toEqual(before);
      expect(trail[1]?.after).toEqual(after);
    }
    expect(auditCount(store.db)).toBe(6);
  });

  it('accepts with a rationale, review date and owner', () => {
    const acceptance = { rationale: 'Replaced next quarter anyway', reviewOn: '2027-03-01', owner: 'Zoë', acceptedOn: '2026-11-25' };
    bulkUpdateItems(store.db, [{ id: items[0]?.id ?? '', version: 1 }], { status: 'accepted', acceptance }, AT);
    expect(getItem(store.db, items[0]?.id ?? '')).toMatchObject({ status: 'accepted', acceptance, version: 2 });
  });

  it('refuses the whole change, naming the stale and deleted items, and writes nothing', () => {
    store.db.prepare('DELETE FROM debt_items WHERE id = ?').run(items[2]?.id);
    const before = snapshot(store);
    const targets = items.map(({ id }) => ({ id, version: 1 }));
    targets[1] = { id: items[1]?.id ?? '', version: 7 };
    const error = refusal(() => bulkUpdateItems(store.db, targets, { status: 'paid' }, AT));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('2 of 3 selected items changed or were deleted');
    expect(error.message).toContain('“Old TLS library” is now version 1 (you had 7)');
    expect(error.message).toContain(`(${idFor(3)}) was deleted`);
    expect(error.issues?.map((i) => i.path)).toEqual(['items.1', 'items.2']);
    expect(snapshot(store)).toEqual(before);
  });

  it('refuses a patch that would leave any item invalid, saying which and why', () => {
    const before = snapshot(store);
    const targets = items.map(({ id, version }) => ({ id, version }));
    const error = refusal(() => bulkUpdateItems(store.db, targets, { status: 'accepted' }, AT));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/^The change would leave 3 of 3 selected items invalid, so nothing was changed: “Flaky checkout tests”: Accepted debt needs a written rationale/);
    expect(error.issues?.[0]).toEqual({ path: 'items.0.acceptance.rationale', message: expect.stringContaining('rationale') as unknown });
    expect(snapshot(store)).toEqual(before);
  });

  it('names five items and counts the rest when many conflict', () => {
    const targets = Array.from({ length: 8 }, (_, n) => ({ id: idFor(100 + n), version: 1 }));
    const error = refusal(() => bulkUpdateItems(store.db, targets, { status: 'paid' }, AT));
    expect(error.message).toContain('8 of 8 selected items');
    expect(error.message).toContain('and 3 more');
    expect(error.issues).toHaveLength(8);
  });
});

describe('bulkUpdateItems (properties)', () => {
  let store: Store;
  beforeAll(() => {
    store = openFresh();
  });
  afterAll(() => {
    store.close();
  });

  // Patches that are valid for some items and not others: statuses (accepted needs a rationale), scores out of range, effort upside down.
  const arbPatch: fc.Arbitrary<DebtItemPatch> = fc.oneof(
    fc.record({ status: fc.constantFrom(...STATUSES) }),
    fc.record({ status: fc.constant('accepted'), acceptance: fc.constant({ rationale: 'Accepted in the review', reviewOn: '2027-01-01' }) }),
    fc.record({ likelihood: fc.integer({ min: 0, max: 6 }), impact: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ owner: fc.constantFrom('Zoë', 'José', ''), tags: fc.constantFrom<string[]>(['ci'], [], ['a', 'b']) }),
    fc.record({ effort: fc.constantFrom({ low: 1, likely: 2, high: 3 }, { low: 5, likely: 2, high: 3 }) }),
    fc.record({ dueDate: fc.constantFrom(null, '2027-02-01', 'soon') }),
  );

  it('either applies the patch to every target with version + 1, or refuses and changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(arbDraft(), { minLength: 1, maxLength: 12 }),
        fc.array(fc.record({ pick: fc.boolean(), stale: fc.integer({ min: 0, max: 9 }) }), { minLength: 12, maxLength: 12 }),
        arbPatch,
        (drafts, picks, patch) => {
          store.db.exec('DELETE FROM debt_items; DELETE FROM audit_log;');
          const items = seed(store, drafts);
          const chosen = items.filter((_, n) => picks[n]?.pick === true);
          fc.pre(chosen.length > 0);
          // About one run in ten names a stale version for one of its targets.
          const targets = chosen.map((item, n) => ({ id: item.id, version: n === 0 && picks[n]?.stale === 0 ? item.version + 1 : item.version }));
          const before = snapshot(store);
          const auditBefore = auditCount(store.db);
          const stale = targets.some((t, n) => t.version !== chosen[n]?.version);
          const valid = chosen.every((item) => DebtItemDraft.safeParse(mergePatch(item, patch)).success);
          let updated: number | null = null;
          try {
            updated = bulkUpdateItems(store.db, targets, patch, AT);
          } catch (error) {
            if (!(error instanceof StoreError)) throw error;
            expect(error.code).toBe(stale ? 'conflict' : 'invalid-input');
          }
          if (stale || !valid) {
            expect(updated).toBeNull();
            expect(snapshot(store)).toEqual(before);
            return;
          }
          expect(updated).toBe(chosen.length);
          expect(auditCount(store.db)).toBe(auditBefore + chosen.length);
          const chosenIds = new Set(chosen.map((i) => i.id));
          const byId = new Map(allItems(store.db).map((i) => [i.id, i]));
          for (const item of items) {
            const after = byId.get(item.id);
            if (!chosenIds.has(item.id)) {
              expect(after).toEqual(item);
              continue;
            }
            expect(after?.version).toBe(item.version + 1);
            expect(after === undefined ? undefined : draftOf(after)).toEqual(DebtItemDraft.parse(mergePatch(item, patch)));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
