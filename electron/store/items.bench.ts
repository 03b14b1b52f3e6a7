import { KINDS, STATUSES, type DebtItemDraftInput } from '../../shared/domain/debt-item.js';
import { createContext, dispatch } from '../handlers/dispatch.js';
import { timeOrderedId } from '../handlers/time-ordered-id.js';
import { benchPortfolioPath } from '../testing/bench-files.js';
import { medianMs, onceMs, pairedRounds, report, reportPaired, seeded } from '../testing/bench-timer.js';
import { openStore, removePortfolio } from './open-store.js';

const N = 100_000;
const random = seeded(42);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] ?? (list[0] as T);
const OWNERS = ['Ana', 'Zoë Lindqvist', 'José Ramírez', 'Łukasz Nowak', 'Sam O’Neill', '渡辺 健', ''];
const TAGS = ['ci', 'auth', 'perf', 'mobile', 'db', 'frontend', 'payments'];

const drafts: DebtItemDraftInput[] = Array.from({ length: N }, (_, i) => {
  const likely = pick([0.5, 1, 2, 3, 5, 8, 13]);
  return {
    title: `Debt item ${String(i)}: ${pick(['slow', 'flaky', 'legacy', 'duplicated'])} ${pick(['checkout', 'search', 'build', 'api'])}`,
    description: 'Found during the quarterly review; slows down every change to this area.',
    kind: pick(KINDS),
    status: pick(STATUSES.filter((s) => s !== 'accepted')),
    owner: pick(OWNERS),
    area: pick(['Checkout', 'Search', 'Platform']),
    tags: [pick(TAGS), pick(TAGS)].filter((t, k, all) => all.indexOf(t) === k),
    likelihood: 1 + Math.floor(random() * 5),
    impact: 1 + Math.floor(random() * 5),
    effort: { low: likely / 2, likely, high: likely * 2 },
    interest: Math.round(random() * 8) / 2,
  };
});

function rawInserter(store: ReturnType<typeof openStore>) {
  const insertRow = store.db.prepare(
    `INSERT INTO debt_items (id, title, description, kind, area, owner, status, likelihood, impact, effort_low, effort_likely, effort_high, interest, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const insertSearch = store.db.prepare('INSERT INTO item_search (item_seq, text) VALUES (?, ?)');
  const insertTag = store.db.prepare('INSERT INTO item_tags (item_seq, position, tag) VALUES (?, ?, ?)');
  // A plain function: the caller runs it in a transaction of its own (one commit each) or inside one batch.
  return (d: DebtItemDraftInput, at: string) => {
    const seq = insertRow.run(
      timeOrderedId(), d.title, d.description ?? '', d.kind ?? 'code', d.area ?? '', d.owner ?? '', d.status ?? 'open',
      d.likelihood, d.impact, d.effort.low, d.effort.likely, d.effort.high, d.interest, at, at,
    ).lastInsertRowid;
    insertSearch.run(seq, [d.title, d.description ?? '', d.owner ?? '', d.area ?? '', ...(d.tags ?? [])].join('\n').toLowerCase());
    (d.tags ?? []).forEach((tag, position) => insertTag.run(seq, position, tag));
  };
}

/**
 * Baseline: the same rows (the item with its search text, lower-cased as the import bench's baseline does,
 * and its tags, under the same time-ordered ids) written with bare prepared statements: no validation, no
 * accent folding, no audit entry. `batch` wraps the whole run in one transaction (as an import does);
 * otherwise every item commits on its own (as the UI does).
 */
function measureRaw(count: number, batch: boolean): number {
  const file = benchPortfolioPath('raw');
  const store = openStore(file);
  const insert = rawInserter(store);
  const one = batch ? insert : store.db.transaction(insert);
  const all = () => {
    for (let i = 0; i < count; i++) one(drafts[i] as DebtItemDraftInput, new Date().toISOString());
  };
  const ms = onceMs(batch ? store.db.transaction(all) : all);
  store.close();
  removePortfolio(file);
  return ms;
}

/** The same drafts through dispatch('items.create'): validation, item, tags, search text and an audit entry. */
function measureHandlers(count: number, batch: boolean, keep = false): { ms: number; store: ReturnType<typeof openStore>; file: string } {
  const file = benchPortfolioPath('handlers');
  const store = openStore(file);
  const ctx = createContext(store);
  const all = () => {
    for (let i = 0; i < count; i++) {
      const result = dispatch(ctx, 'items.create', drafts[i]);
      if (!result.ok) throw new Error(result.error.message);
    }
  };
  const ms = onceMs(batch ? store.db.transaction(all) : all);
  if (!keep) {
    store.close();
    removePortfolio(file);
  }
  return { ms, store, file };
}

// The figure: 100k creates through dispatch('items.create'), each committed as the app and the CLI
// commit it, against the same rows inserted and committed one by one with bare statements. Three rounds,
// alternating which side goes first: on a shared machine a single 30-40 s run of either side swung the
// ratio between 1.27x and 1.69x in one day.
const ROUNDS = 3;
const oneByOne = pairedRounds(
  ROUNDS,
  () => measureHandlers(N, false).ms,
  () => measureRaw(N, false),
);
reportPaired(`insert ${String(N)} items through the handlers, one commit each`, oneByOne, 'raw prepared inserts of item + tags, one commit each', '≤1.5x');
// The bulk path (one transaction, as an import writes) for reference: here the audit row each create must
// write is a large share of the work, so the ratio is higher; the import bench holds its own goal.
report(
  `insert ${String(N)} items through the handlers in one transaction`,
  measureHandlers(N, true).ms,
  'raw prepared inserts of item + tags in one transaction',
  measureRaw(N, true),
  'none (the import bench holds the bulk goal)',
);

// The list figures read a portfolio of N items written through the handlers.
const handlers = measureHandlers(N, true, true);
const store = handlers.store;
const ctx = createContext(store);
const baselineMs = medianMs(() => store.db.prepare('SELECT * FROM debt_items LIMIT 100').all());
const listCase = (label: string, query: unknown) => {
  const ms = medianMs(() => {
    const result = dispatch(ctx, 'items.list', query);
    if (!result.ok) throw new Error(result.error.message);
  });
  report(`items.list first page over ${String(N)} items, ${label}`, ms, 'SELECT * … LIMIT 100', baselineMs, '≤20 ms');
};
listCase('default order (recently updated)', {});
listCase('status + kind filter, sorted by risk', { status: ['open', 'planned'], kind: ['code', 'architecture', 'test'], sort: 'risk', direction: 'desc' });
listCase('owner filter, sorted by title', { owner: 'Zoë Lindqvist', sort: 'title', direction: 'asc' });
listCase('tag filter, sorted by risk', { tag: 'ci', sort: 'risk', direction: 'desc' });
listCase('text search "flaky checkout"', { text: 'flaky checkout' });
store.close();
removePortfolio(handlers.file);
