import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Output } from '../../shared/api/contract.js';
import { MAX_SAVED_MAPPINGS } from '../../shared/import/saved-mapping.js';
import { openStore, type Store } from '../store/open-store.js';
import { expectFail, expectOk, sequentialIds } from '../testing/handler-test-support.js';
import { createContext, dispatch, type HandlerContext } from './dispatch.js';

let dir: string;
let file: string;
let store: Store;
let ctx: HandlerContext;
let clock: number;

const contextOf = (s: Store) =>
  createContext(s, {
    now: () => new Date((clock += 1000)),
    newId: sequentialIds(),
  });

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'paydown-mappings-'));
  file = path.join(dir, 'portfolio.paydown');
  clock = Date.parse('2026-11-25T09:00:00Z');
  store = openStore(file);
  ctx = contextOf(store);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (sourceKey: string) => expectOk(dispatch(ctx, 'importMappings.get', { sourceKey })) as Output<'importMappings.get'>;
const save = (sourceKey: string, mapping: unknown) => dispatch(ctx, 'importMappings.save', { sourceKey, mapping });
const count = () => store.db.prepare('SELECT count(*) FROM import_mappings').pluck().get();

describe('import mappings saved in the portfolio', () => {
  it('answers null for a source never imported, then the mapping last saved for it, also after a restart', () => {
    expect(get('csv:title|team')).toBeNull();
    expectOk(save('csv:title|team', { columns: { area: 'Team' }, levels: { 'very likely': 5 } }));
    expectOk(save('csv:title|team', { columns: { area: 'Team', owner: 'Lead' }, delimiter: ';' }));
    expect(get('csv:title|team')).toEqual({ mapping: { columns: { area: 'Team', owner: 'Lead' }, delimiter: ';' }, savedAt: '2026-11-25T09:00:02.000Z' });
    expect(get('jira')).toBeNull();

    store.close();
    store = openStore(file);
    ctx = contextOf(store);
    expect(get('csv:title|team')?.mapping).toEqual({ columns: { area: 'Team', owner: 'Lead' }, delimiter: ';' });
  });

  it('forgets a source when its mapping is saved empty', () => {
    expectOk(save('sonarqube', { hoursPerDay: 6 }));
    expect(expectOk(save('sonarqube', {}))).toBeNull();
    expect(get('sonarqube')).toBeNull();
    expect(count()).toBe(0);
  });

  it(`keeps the ${String(MAX_SAVED_MAPPINGS)} sources saved most recently`, () => {
    for (let i = 0; i <= MAX_SAVED_MAPPINGS; i++) expectOk(save(`csv:source ${String(i)}`, { defaultImpact: 2 }));
    expect(count()).toBe(MAX_SAVED_MAPPINGS);
    expect(get('csv:source 0')).toBeNull();
    expect(get(`csv:source ${String(MAX_SAVED_MAPPINGS)}`)?.mapping).toEqual({ defaultImpact: 2 });
  });

  it('refuses a mapping the importer would refuse, saying which field, and writes nothing', () => {
    const bad = [
      { sourceKey: 'csv:a', mapping: { delimiter: '|' } },
      { sourceKey: 'csv:a', mapping: { hoursPerDay: 30 } },
      { sourceKey: 'csv:a', mapping: { surprise: true } },
      { sourceKey: '', mapping: {} },
      { sourceKey: 'x'.repeat(2001), mapping: {} },
      { sourceKey: 'csv:a' },
    ];
    for (const input of bad) {
      const error = expectFail(dispatch(ctx, 'importMappings.save', input), 'invalid-input');
      expect(error.issues?.length ?? 0).toBeGreaterThan(0);
    }
    expect(count()).toBe(0);
  });

  it('treats a stored mapping this version cannot read as none, rather than trusting it', () => {
    store.db.prepare('INSERT INTO import_mappings (source_key, mapping, saved_at) VALUES (?, ?, ?)').run('jira', '{"delimiter":"|"}', '2026-11-25T09:00:00.000Z');
    expect(get('jira')).toBeNull();
  });
});
