import { describe, expect, it } from 'vitest';
import { DebtItemDraft } from '../domain/debt-item.js';
import { DRAFT_FIELDS, type DraftField } from './parsed-import.js';
import { EFFORT_UNKNOWN_TAG } from '../domain/effort-estimate.js';
import { mergeReimport, sameDraft, TEAM_FIELDS } from './reimport-merge.js';

const stored = DebtItemDraft.parse({
  title: 'Old title',
  description: 'Old text',
  likelihood: 5,
  impact: 5,
  status: 'in_progress',
  effort: { low: 2, likely: 3, high: 5 },
  interest: 1.5,
  dueDate: '2026-01-31',
  outcome: 'incidents',
  tags: ['team-tag', EFFORT_UNKNOWN_TAG],
  externalRef: { source: 'github', key: 'https://github.com/o/r/issues/1' },
});

const incoming = DebtItemDraft.parse({
  title: 'New title',
  description: 'New text',
  likelihood: 3,
  impact: 2,
  status: 'paid',
  effort: { low: 0, likely: 0, high: 0 },
  interest: 0,
  tags: ['tech-debt', EFFORT_UNKNOWN_TAG],
  externalRef: { source: 'github', key: 'https://github.com/o/r/issues/1', url: 'https://github.com/o/r/issues/1' },
});

const FROM_GITHUB = new Set<DraftField>(['title', 'description', 'owner', 'tags', 'status', 'dueDate', 'impact']);

describe('mergeReimport', () => {
  it("follows the source's fields, keeps the team's and what the source did not supply", () => {
    const merged = mergeReimport(stored, incoming, FROM_GITHUB, false);
    expect(merged).toEqual({
      ...stored,
      title: 'New title',
      description: 'New text',
      owner: '',
      tags: ['tech-debt'],
      externalRef: incoming.externalRef,
      dueDate: undefined,
    });
    expect('dueDate' in merged).toBe(false);
  });

  it('overwrites team fields only where asked and only with values the source supplied', () => {
    const merged = mergeReimport(stored, incoming, FROM_GITHUB, true);
    expect(merged).toMatchObject({ status: 'paid', impact: 2, likelihood: 5 });
  });

  it('changes nothing when the source supplied the same values', () => {
    const all = new Set<DraftField>(DRAFT_FIELDS);
    expect(sameDraft(mergeReimport(stored, stored, all, true), stored)).toBe(true);
    expect(sameDraft(mergeReimport(stored, incoming, all, false), stored)).toBe(false);
  });

  it('names the team fields of the README policy', () => {
    expect([...TEAM_FIELDS].sort()).toEqual(['acceptance', 'impact', 'likelihood', 'status']);
  });
});
