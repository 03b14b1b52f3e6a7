import { describe, expect, it } from 'vitest';
import type { ImportMapping } from './import-schema.js';
import { EFFORT_UNKNOWN_TAG } from '../domain/effort-estimate.js';
import { parseImport } from './parse-import.js';

const parse = (content: string, mapping?: ImportMapping) =>
  parseImport(content, mapping === undefined ? { unit: 'points' } : { unit: 'points', mapping });

describe('the generic CSV parser', () => {
  it('matches headers by name and synonyms, whatever their case and punctuation', () => {
    const result = parse('SUMMARY,Assignee,Due_Date,Labels,Story points,Probability,Severity\nOld runtime,Ana,2025-03-31,"a, b",5,2,4\n');
    expect(result.errors).toEqual([]);
    expect(result.drafts[0]).toMatchObject({
      row: 1,
      line: 2,
      draft: { title: 'Old runtime', owner: 'Ana', dueDate: '2025-03-31', tags: ['a', 'b'], effort: { low: 5, likely: 5, high: 5 }, likelihood: 2, impact: 4 },
    });
  });

  it('reads a three-point estimate and every optional field', () => {
    const header = 'Title,Kind,Quadrant,Status,Likelihood,Impact,Effort low,Effort,Effort high,Interest per sprint,Outcome,Acceptance rationale,Review on';
    const result = parse(`${header}\nX,security,Deliberate prudent,Accepted,High,Very high,1,2,5,0.5,incidents,Cheaper to keep,2027-01-01\n`);
    expect(result.errors).toEqual([]);
    expect(result.drafts[0]?.draft).toMatchObject({
      kind: 'security',
      quadrant: 'deliberate-prudent',
      status: 'accepted',
      likelihood: 4,
      impact: 5,
      effort: { low: 1, likely: 2, high: 5 },
      interest: 0.5,
      outcome: 'incidents',
      acceptance: { rationale: 'Cheaper to keep', reviewOn: '2027-01-01' },
    });
  });

  it('names the row, the line and the fix for each bad cell', () => {
    const result = parse('Title,Likelihood,Effort,Due,Kind,Status\nA,sometimes,1,,,\n"B\nstill B",3,3 days,,,\nC,3,1,31/03/2025,,\nD,3,1,,vibes,\nE,3,1,,,someday\n,3,1,,,\n');
    expect(result.errors).toEqual([
      { row: 1, line: 2, message: 'Likelihood “sometimes” is not a whole number from 1 to 5, or one of Very high, High, Medium, Low, Very low.' },
      { row: 2, line: 3, message: 'Effort “3 days” is not a number (e.g. 2.5, without thousands separators or units).' },
      { row: 3, line: 5, message: 'Due “31/03/2025” is not a date written as YYYY-MM-DD (e.g. 2025-03-31).' },
      { row: 4, line: 6, message: expect.stringContaining('Kind “vibes” is not one of architecture, code') as unknown },
      { row: 5, line: 7, message: expect.stringContaining('Status “someday” is not one of open, planned') as unknown },
      { row: 6, line: 8, message: 'The Title is empty; every item needs a title.' },
    ]);
  });

  it('uses the mapping: a column by header, a column ignored, extra level words', () => {
    const content = 'Name,Title,Odds\nReal title,Not this,rarely\n';
    const result = parse(content, { columns: { title: 'Name', likelihood: 'Odds' }, levels: { rarely: 1 } });
    expect(result.drafts[0]?.draft).toMatchObject({ title: 'Real title', likelihood: 1 });
    expect(result.notes).toContain('Columns not imported: “Title”.');
    const missing = parse(content, { columns: { title: 'Headline' } });
    expect(missing.errors[0]?.message).toMatch(/reads title from a column “Headline”, but the header has no such column/);
    expect(parse('Title,Owner\nA,Ana\n', { columns: { owner: null } }).drafts[0]?.draft.owner).toBeUndefined();
  });

  it('refuses a file without a title column, naming what it has', () => {
    expect(parse('Name,Effort\nA,1\n', { columns: { title: null } }).errors[0]?.message).toMatch(/No column holds the item titles: the header has Name, Effort/);
  });

  it('gives rows without effort 0 and the effort-unknown tag, and says so once', () => {
    const result = parse('Title,Effort\nA,\nB,\nC,2\n');
    expect(result.drafts.map((d) => [d.draft.effort.likely, d.draft.tags, d.fromSource.includes('effort')])).toEqual([
      [0, [EFFORT_UNKNOWN_TAG], false],
      [0, [EFFORT_UNKNOWN_TAG], false],
      [2, [], true],
    ]);
    expect(result.notes.filter((n) => n.startsWith('No effort estimate'))).toEqual([
      `No effort estimate: effort set to 0 and tagged “${EFFORT_UNKNOWN_TAG}”; estimate these before planning (2 records: row 1 (line 2), row 2 (line 3))`,
    ]);
  });

  it('defaults likelihood and impact when the file has neither, and says so', () => {
    const result = parse('Title\nA\n');
    expect(result.drafts[0]?.draft).toMatchObject({ likelihood: 3, impact: 3 });
    expect(result.drafts[0]?.fromSource).not.toContain('likelihood');
    expect(result.notes.join(' ')).toMatch(/No Likelihood column: every item gets 3/);
  });

  it('keys rows by their Key, else by title with #2, #3 for repeats', () => {
    expect(parse('Title\nA\nA\nB\nA\n').drafts.map((d) => d.draft.externalRef.key)).toEqual(['A', 'A#2', 'B', 'A#3']);
    expect(parse('Key,Title\nK-1,A\nK-2,A\n').drafts.map((d) => d.draft.externalRef)).toEqual([
      { source: 'csv', key: 'K-1' },
      { source: 'csv', key: 'K-2' },
    ]);
    const long = 'x'.repeat(500);
    const [a, b] = parse(`Title\n${long}\n${long}y\n`).drafts.map((d) => d.draft.externalRef.key);
    expect(a?.length).toBeLessThanOrEqual(200);
    expect(a).not.toBe(b);
  });

  it('keeps an exported item linked to its source (Source, Key and Link columns)', () => {
    const result = parse('Title,Source,Key,Link\nA,jira,PAY-1,https://acme.atlassian.net/browse/PAY-1\nB,elsewhere,X-1,\n');
    expect(result.drafts.map((d) => d.draft.externalRef)).toEqual([
      { source: 'jira', key: 'PAY-1', url: 'https://acme.atlassian.net/browse/PAY-1' },
      { source: 'csv', key: 'X-1' },
    ]);
  });

  it('cuts an overlong title and description to the limits, with a note', () => {
    const result = parse(`Title,Description\n${'t'.repeat(250)},${'d'.repeat(25_000)}\n`);
    expect(result.drafts[0]?.draft.title).toHaveLength(200);
    expect(result.drafts[0]?.draft.description).toHaveLength(20_000);
    expect(result.notes.join('\n')).toMatch(/Title longer than 200 characters, cut to fit \(1 record: row 1 \(line 2\)\)/);
  });

  it('reads tab-separated files with decimal commas, and semicolons with a forced decimal point', () => {
    expect(parse('Title\tEffort\nA\t2,5\n').drafts[0]?.draft.effort.likely).toBe(2.5);
    expect(parse('Title;Effort\nA;2.5\n', { decimalSeparator: '.' }).drafts[0]?.draft.effort.likely).toBe(2.5);
    expect(parse('Title,Effort\nA,"2,5"\n').errors[0]?.message).toMatch(/Effort “2,5” is not a number/);
  });
});
