import { describe, expect, it } from 'vitest';
import { parseJiraDate } from './jira-csv.js';
import { parseImport } from './parse-import.js';

describe('parseJiraDate', () => {
  it.each([
    ['12/Mar/24 3:04 PM', '2024-03-12', '15:04'],
    ['10/Apr/24 12:00 PM', '2024-04-10', '12:00'],
    ['31/May/24 12:00 AM', '2024-05-31', '00:00'],
    ['1/jan/2025', '2025-01-01', '00:00'],
    ['2024-06-30', '2024-06-30', '00:00'],
  ])('%s is %s %s', (text, date, time) => {
    expect(parseJiraDate(text)).toEqual({ date, time });
  });

  it.each(['31/Feb/24 1:00 PM', '12/Mrz/24 3:04 PM', '12/Mar/24 13:04 PM', 'next week'])('refuses %s', (text) => {
    expect(parseJiraDate(text)).toBeNull();
  });
});

describe('the Jira CSV parser', () => {
  it('reads repeated columns by position and Server names like Cloud ones', () => {
    const header = 'Summary,Issue key,Issue Type,Status,Priority,Resolution,Assignee,Component/s,Component/s,Labels,Labels,Due Date,Original Estimate,Custom field (Story Points),Custom field (Story point estimate)';
    const rows = [
      'Split the god class,PAY-1,Task,To Do,High,,Ana,Billing,Gateway,tech-debt,refactoring,31/May/24 12:00 AM,,,3.0',
      'Flaky suite,PAY-2,Bug,In Progress,Lowest,,,,,flaky,,,7200,,',
      'Old thing,PAY-3,Task,Done,Medium,Won\'t Do,,,,,,,,5.0,',
    ];
    const result = parseImport([header, ...rows].join('\n'), { unit: 'points' });
    expect(result.format).toBe('jira');
    expect(result.errors).toEqual([]);
    const [one, two, three] = result.drafts.map((d) => d.draft);
    expect(one).toMatchObject({ title: 'Split the god class', area: 'Billing, Gateway', tags: ['tech-debt', 'refactoring'], impact: 4, dueDate: '2024-05-31', effort: { likely: 3 }, owner: 'Ana', kind: 'code' });
    expect(one?.externalRef).toEqual({ source: 'jira', key: 'PAY-1' });
    expect(two).toMatchObject({ impact: 1, status: 'in_progress', kind: 'test', effort: { likely: 2 / 8 } });
    expect(three).toMatchObject({ status: 'wont_fix', effort: { likely: 5 } });
    expect(result.notes.join(' ')).toMatch(/Original estimate\) gives effort as time; converted to points at 8 hours per point/);
  });

  it('links keys to the Jira site when the mapping names it, and names rows without a key or summary', () => {
    const content = 'Summary,Issue key,Priority\nA,PAY-1,Urgent!\n,PAY-2,High\nC,,High\n';
    const result = parseImport(content, { unit: 'points', mapping: { jiraBaseUrl: 'https://acme.atlassian.net/' } });
    expect(result.drafts[0]?.draft.externalRef).toEqual({ source: 'jira', key: 'PAY-1', url: 'https://acme.atlassian.net/browse/PAY-1' });
    expect(result.drafts[0]?.fromSource).not.toContain('impact');
    expect(result.errors).toEqual([
      { row: 2, line: 3, message: 'PAY-2 has no Summary; every item needs a title.' },
      { row: 3, line: 4, message: 'The Issue key is empty; every Jira issue has one.' },
    ]);
    expect(result.notes.join(' ')).toMatch(/Priority not on the 1–5 scale, impact set to 3/);
  });

  it('converts story points into an hours portfolio', () => {
    const result = parseImport('Summary,Issue key,Custom field (Story point estimate)\nA,PAY-1,2\n', { unit: 'hours', mapping: { hoursPerPoint: 6 } });
    expect(result.drafts[0]?.draft.effort.likely).toBe(12);
  });
});
