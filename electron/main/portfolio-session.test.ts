import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HandlerContext } from '../handlers/dispatch.js';
import { openStore, type Store } from '../store/open-store.js';
import { StoreError } from '../store/store-error.js';
import { PortfolioSession, describeFailedOpen, type PortfolioSessionDeps } from './portfolio-session.js';

interface FakeStore extends Store {
  closed: boolean;
}

function fakeStore(file: string): FakeStore {
  const store = {
    // The session never touches the connection, only `path` and `close()`.
    db: {} as Store['db'],
    path: file,
    closed: false,
    close: () => {
      store.closed = true;
    },
  };
  return store;
}

/** Whether the fake contexts say an import job is writing. */
let importWriting = false;

// A context is only held, handed out and asked whether an import is writing: a tagged object is enough.
const contextFor = (store: Store) =>
  ({
    store,
    importJobs: {
      get writing() {
        return importWriting;
      },
    },
  }) as unknown as HandlerContext;

let files: Map<string, StoreError | undefined>;
let opened: FakeStore[];
let onOpened: ReturnType<typeof vi.fn<(file: string) => void>>;

function session(overrides: Partial<PortfolioSessionDeps> = {}): PortfolioSession {
  return new PortfolioSession({
    openStore: (file) => {
      const problem = files.get(file);
      if (problem !== undefined) throw problem;
      const store = fakeStore(file);
      opened.push(store);
      return store;
    },
    createContext: contextFor,
    exists: (file) => files.has(file),
    onOpened,
    ...overrides,
  });
}

beforeEach(() => {
  files = new Map([
    ['/p/first.paydown', undefined],
    ['/p/second.paydown', undefined],
  ]);
  opened = [];
  onOpened = vi.fn<(file: string) => void>();
  importWriting = false;
});

describe('PortfolioSession', () => {
  it('keeps the open portfolio while an import writes to it, and says why', () => {
    const s = session();
    s.open('/p/first.paydown', 'must-exist');
    importWriting = true;
    const outcome = s.open('/p/second.paydown', 'must-exist');
    expect(outcome).toEqual({ ok: false, code: 'busy', message: expect.stringContaining('An import is writing to the open portfolio') as unknown });
    expect(s.currentPath()).toBe('/p/first.paydown');
    expect(opened.map((store) => [store.path, store.closed])).toEqual([['/p/first.paydown', false]]);
    if (outcome.ok) throw new Error('the open was not refused');
    expect(describeFailedOpen(outcome, s.currentPath())).toContain('“first.paydown” is still open.');
    importWriting = false;
    expect(s.open('/p/second.paydown', 'must-exist')).toEqual({ ok: true, path: '/p/second.paydown' });
  });

  it('opens the first portfolio and hands out its context', () => {
    const s = session();
    expect(s.context()).toBeUndefined();
    expect(s.open('/p/first.paydown', 'create-if-missing')).toEqual({ ok: true, path: '/p/first.paydown' });
    expect(s.context()?.store.path).toBe('/p/first.paydown');
    expect(onOpened).toHaveBeenCalledWith('/p/first.paydown');
  });

  it('switching closes the old store and announces the new file', () => {
    const s = session();
    s.open('/p/first.paydown', 'must-exist');
    s.open('/p/second.paydown', 'must-exist');
    expect(opened.map((store) => [store.path, store.closed])).toEqual([
      ['/p/first.paydown', true],
      ['/p/second.paydown', false],
    ]);
    expect(s.currentPath()).toBe('/p/second.paydown');
    expect(onOpened).toHaveBeenLastCalledWith('/p/second.paydown');
  });

  it.each([
    new StoreError('not-sqlite', '“/p/bad.paydown” is not a Paydown portfolio: it is not a SQLite database file.'),
    new StoreError('not-a-portfolio', '“/p/bad.paydown” is a SQLite database, but not a Paydown portfolio.'),
    new StoreError('db-too-new', '“/p/bad.paydown” was saved by a newer version of Paydown.'),
  ])('keeps the current portfolio open when the next one is unusable ($code)', (problem) => {
    files.set('/p/bad.paydown', problem);
    const s = session();
    s.open('/p/first.paydown', 'must-exist');
    const before = s.context();
    onOpened.mockClear();
    expect(s.open('/p/bad.paydown', 'must-exist')).toEqual({ ok: false, code: problem.code, message: problem.message });
    expect(s.context()).toBe(before);
    expect(opened[0]?.closed).toBe(false);
    expect(onOpened).not.toHaveBeenCalled();
  });

  it('refuses to open a missing file that should exist, instead of creating an empty one', () => {
    const openStoreSpy = vi.fn<(file: string) => Store>();
    const outcome = session({ openStore: openStoreSpy }).open('/p/moved.paydown', 'must-exist');
    expect(outcome).toMatchObject({ ok: false, code: 'not-found' });
    expect(openStoreSpy).not.toHaveBeenCalled();
  });

  it('refuses to make a new portfolio over an existing file', () => {
    const openStoreSpy = vi.fn<(file: string) => Store>();
    const outcome = session({ openStore: openStoreSpy }).open('/p/first.paydown', 'must-be-new');
    expect(outcome).toMatchObject({ ok: false, code: 'conflict' });
    expect(openStoreSpy).not.toHaveBeenCalled();
  });

  it('creates a missing file when asked to', () => {
    expect(session().open('/p/fresh.paydown', 'create-if-missing')).toEqual({ ok: true, path: '/p/fresh.paydown' });
  });

  it('does not reopen the file that is already open', () => {
    const s = session();
    s.open('/p/first.paydown', 'must-exist');
    s.open('/p/first.paydown', 'must-exist');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.closed).toBe(false);
  });

  it('reports an unexpected failure as internal, with its message', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const s = session({
      openStore: () => {
        throw new Error('NODE_MODULE_VERSION 115 vs 140');
      },
    });
    expect(s.open('/p/first.paydown', 'must-exist')).toMatchObject({
      ok: false,
      code: 'internal',
      message: expect.stringContaining('NODE_MODULE_VERSION') as unknown,
    });
  });

  it('close() closes the open store', () => {
    const s = session();
    s.open('/p/first.paydown', 'must-exist');
    s.close();
    expect(opened[0]?.closed).toBe(true);
    expect(s.context()).toBeUndefined();
  });
});

describe('describeFailedOpen', () => {
  it('says which portfolio stays open', () => {
    expect(describeFailedOpen({ message: 'Not SQLite.' }, '/p/first.paydown')).toBe('Not SQLite.\n\n“first.paydown” is still open.');
    expect(describeFailedOpen({ message: 'Not SQLite.' }, undefined)).toBe('Not SQLite.');
  });
});

describe('PortfolioSession with the real store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'paydown-session-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a real portfolio open when the next file is not SQLite', () => {
    const good = path.join(dir, 'good.paydown');
    const bad = path.join(dir, 'notes.paydown');
    writeFileSync(bad, 'these are my notes, not a database\n'.repeat(10));
    const s = new PortfolioSession({ openStore: (file) => openStore(file), createContext: contextFor });
    expect(s.open(good, 'create-if-missing')).toEqual({ ok: true, path: good });
    expect(s.open(bad, 'must-exist')).toMatchObject({ ok: false, code: 'not-sqlite' });
    expect(s.currentPath()).toBe(good);
    expect(s.context()?.store.db.open).toBe(true);
    s.close();
  });
});
