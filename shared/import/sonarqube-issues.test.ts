import { describe, expect, it } from 'vitest';
import { parseImport } from './parse-import.js';
import { sonarMinutes } from './sonar-rules.js';

const issue = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  rule: 'java:S1192',
  severity: 'MAJOR',
  component: 'shop:src/A.java',
  project: 'shop',
  line: 10,
  status: 'OPEN',
  message: `Message ${key}`,
  effort: '10min',
  type: 'CODE_SMELL',
  tags: ['design'],
  ...extra,
});
const page = (issues: unknown[], extra: Record<string, unknown> = {}) => ({ total: issues.length, p: 1, ps: 100, issues, components: [], ...extra });
const parse = (value: unknown, mapping = {}) =>
  parseImport(typeof value === 'string' ? value : JSON.stringify(value), { unit: 'hours', mapping });

describe('sonarMinutes', () => {
  it.each([
    ['30min', 30],
    ['1h5min', 65],
    ['1h 5min', 65],
    ['2d1h', 1020],
    ['2d 1h', 1020],
    ['0min', 0],
    ['1d', 480],
    ['45', 45],
  ])('%s is %d minutes (8-hour days)', (text, minutes) => {
    expect(sonarMinutes(text, 8)).toBe(minutes);
  });

  it('uses the configured hours per day, and refuses what is not a duration', () => {
    expect(sonarMinutes('1d', 6)).toBe(360);
    for (const bad of ['', '3 weeks', '1h 5', 'min']) expect(sonarMinutes(bad, 8)).toBeNull();
  });
});

describe('the SonarQube parser', () => {
  it('maps impacts, severity and type to impact and likelihood, and resolutions to statuses', () => {
    const result = parse(
      page([
        issue('a', { impacts: [{ softwareQuality: 'MAINTAINABILITY', severity: 'LOW' }, { softwareQuality: 'RELIABILITY', severity: 'HIGH' }] }),
        issue('b', { severity: 'BLOCKER', type: 'BUG' }),
        issue('c', { type: 'VULNERABILITY', severity: 'MINOR' }),
        issue('d', { status: 'RESOLVED', resolution: 'FIXED' }),
        issue('e', { status: 'CLOSED', resolution: 'FALSE-POSITIVE' }),
        issue('f', { status: 'RESOLVED', resolution: 'WONTFIX' }),
        issue('g', { status: undefined, issueStatus: 'ACCEPTED' }),
      ]),
    );
    expect(result.errors).toEqual([]);
    expect(result.drafts.map((d) => [d.draft.externalRef.key, d.draft.impact, d.draft.likelihood, d.draft.kind, d.draft.status])).toEqual([
      ['a', 4, 3, 'code', 'open'],
      ['b', 5, 4, 'code', 'open'],
      ['c', 2, 3, 'security', 'open'],
      ['d', 3, 3, 'code', 'paid'],
      ['e', 3, 3, 'code', 'wont_fix'],
      ['f', 3, 3, 'code', 'accepted'],
      ['g', 3, 3, 'code', 'accepted'],
    ]);
    expect(result.drafts[5]?.draft.acceptance?.rationale).toMatch(/Accepted in SonarQube \(WONTFIX\)/);
  });

  it('reads several pages, in an array or one after another, skipping repeats and noting missing pages', () => {
    const one = page([issue('a'), issue('b')], { total: 5 });
    const two = page([issue('b'), issue('c')], { total: 5 });
    for (const text of [JSON.stringify([one, two]), `${JSON.stringify(one)}\n${JSON.stringify(two)}`]) {
      const result = parse(text);
      expect(result.drafts.map((d) => d.draft.externalRef.key)).toEqual(['a', 'b', 'c']);
      expect(result.skipped).toEqual([{ path: 'page 2 issues[0] (b)', reason: 'the same issue appears on an earlier page' }]);
      expect(result.notes.join(' ')).toMatch(/holds 3 of the 5 issues SonarQube reported/);
    }
  });

  it('groups by rule and file when asked, adding efforts and keeping the worst scores', () => {
    const result = parse(
      page([issue('a', { line: 1 }), issue('b', { line: 7, effort: '1h', severity: 'CRITICAL' }), issue('c', { component: 'shop:src/B.java' }), issue('d', { status: 'CLOSED', resolution: 'FIXED' })]),
      { sonarGroupBy: 'rule-component' },
    );
    expect(result.drafts.map((d) => [d.draft.externalRef.key, d.draft.title, d.draft.effort.likely, d.draft.impact])).toEqual([
      ['java:S1192|src/A.java', 'java:S1192: 2 issues in src/A.java', 70 / 60, 4],
      ['java:S1192|src/B.java', 'Message c', 10 / 60, 3],
    ]);
    expect(result.drafts[0]?.draft.description).toContain('- line 7: Message b');
    expect(result.skipped).toHaveLength(1);
  });

  it('links issues to the server when the mapping names it', () => {
    const result = parse(page([issue('AX-1')]), { sonarBaseUrl: 'https://sonar.acme.example/' });
    expect(result.drafts[0]?.draft.externalRef.url).toBe('https://sonar.acme.example/project/issues?id=shop&open=AX-1');
  });

  it('refuses bad effort, numbers that are not numbers, and error responses, naming the place', () => {
    expect(parse(page([issue('a', { effort: '3 weeks' })])).errors).toEqual([
      { path: 'issues[0] (a)', message: 'The effort “3 weeks” is not a SonarQube duration such as 30min, 1h 5min or 2d 1h.' },
    ]);
    expect(parse(page([issue('a', { line: 'fifty' })])).errors).toEqual([{ path: 'issues[0].line', message: '“line” should be a whole number, not "fifty".' }]);
    expect(parse(page([issue('a')], { total: '1x' })).errors[0]).toMatchObject({ path: 'total' });
    expect(parse({ errors: [{ msg: 'Unknown component' }] }).errors[0]?.message).toContain('“Unknown component”');
  });
});
