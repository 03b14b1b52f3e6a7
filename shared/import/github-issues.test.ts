import { describe, expect, it } from 'vitest';
import { EFFORT_UNKNOWN_TAG } from '../domain/effort-estimate.js';
import { parseImport } from './parse-import.js';

const parse = (value: unknown) => parseImport(typeof value === 'string' ? value : JSON.stringify(value), { unit: 'points' });

const rest = (number: number, extra: Record<string, unknown> = {}) => ({
  number,
  title: `Issue ${String(number)}`,
  body: null,
  state: 'open',
  html_url: `https://github.com/o/r/issues/${String(number)}`,
  url: `https://api.github.com/repos/o/r/issues/${String(number)}`,
  labels: [],
  assignee: null,
  assignees: [],
  milestone: null,
  ...extra,
});

describe('the GitHub issues parser', () => {
  it('reads the REST API list: html_url as key, pull requests skipped and counted', () => {
    const result = parse([
      rest(1, { labels: [{ name: 'priority: high' }, { name: 'area/checkout' }, { name: 'security' }], assignees: [{ login: 'ana' }], milestone: { title: 'Q3', due_on: '2025-09-30T07:00:00Z' } }),
      rest(2, { pull_request: { url: 'https://api.github.com/repos/o/r/pulls/2' } }),
      rest(3, { state: 'closed', state_reason: 'not_planned' }),
    ]);
    expect(result.format).toBe('github');
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual([{ path: '[1] (#2)', reason: 'a pull request, not an issue' }]);
    expect(result.drafts.map((d) => d.draft)).toMatchObject([
      { title: 'Issue 1', description: '', impact: 4, area: 'checkout', kind: 'security', owner: 'ana', dueDate: '2025-09-30', status: 'open', externalRef: { source: 'github', key: 'https://github.com/o/r/issues/1' } },
      { status: 'wont_fix', impact: 3, tags: [EFFORT_UNKNOWN_TAG] },
    ]);
    expect(result.drafts[1]?.fromSource).not.toContain('impact');
    expect(result.notes).toContain('1 pull requests were skipped.');
  });

  it('reads P0–P4 labels, the search API envelope and pages printed one after another', () => {
    const page1 = [rest(1, { labels: ['P0'] })];
    const page2 = { total_count: 1, items: [rest(2, { labels: [{ name: 'P3' }] })] };
    const result = parse(`${JSON.stringify(page1)}\n${JSON.stringify(page2)}`);
    expect(result.errors).toEqual([]);
    expect(result.drafts.map((d) => [d.path, d.draft.impact])).toEqual([
      ['document 1 [0] (#1)', 5],
      ['document 2 items[0] (#2)', 2],
    ]);
  });

  it('names each entry that cannot be read by its JSON path', () => {
    const result = parse([rest(1, { title: '' }), rest(2, { html_url: undefined, url: undefined }), 'text', rest(4, { state: 'merged' })]);
    expect(result.errors).toEqual([
      { path: '[0].title', message: 'The issue has no title.' },
      { path: '[1].url', message: 'The issue has no url; Paydown keys GitHub issues by their web address. Export with the url field.' },
      { path: '[2]', message: 'This entry is not an issue object.' },
      { path: '[3].state', message: 'The state “merged” is neither open nor closed.' },
    ]);
  });

  it('refuses a number beyond 2^53 that no url can correct', () => {
    const result = parse('[{"number": 9007199254740993, "title": "Big", "state": "OPEN"}]');
    expect(result.errors[0]).toMatchObject({ path: '[0].url', message: expect.stringContaining('beyond 2^53') as unknown });
  });

  it('reads only own keys: __proto__ and constructor in the data change nothing', () => {
    const text = '[{"number":1,"title":"Own title","state":"OPEN","url":"https://github.com/o/r/issues/1","__proto__":{"title":"not this","polluted":1},"constructor":{"prototype":{"polluted":1}},"labels":[{"name":"__proto__","__proto__":{"x":1}}]}]';
    const result = parse(text);
    expect(result.drafts[0]?.draft).toMatchObject({ title: 'Own title', tags: ['__proto__', EFFORT_UNKNOWN_TAG] });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses something that is not a list of issues', () => {
    expect(parse({ hello: 'world' }).errors[0]?.message).toMatch(/not a list of GitHub issues/);
    expect(parse([]).errors[0]?.message).toMatch(/empty/);
    expect(parseImport('Title\nA', { unit: 'points', format: 'github' }).errors[0]?.message).toMatch(/must be JSON/);
  });
});
