import { describe, expect, it } from 'vitest';
import { DebtItem, DebtItemDraft, DebtItemPatch, mergePatch } from './debt-item.js';

const base = { title: 'Slow CI', likelihood: 3, impact: 4, effort: { low: 1, likely: 2, high: 3 }, interest: 1 };

describe('DebtItemDraft', () => {
  it('trims text, fills defaults and removes duplicate tags', () => {
    const draft = DebtItemDraft.parse({ ...base, title: '  Slow CI  ', owner: ' Ana ', tags: ['ci', 'ci', ' flaky '] });
    expect(draft).toEqual({
      ...base,
      title: 'Slow CI',
      description: '',
      kind: 'code',
      area: '',
      owner: 'Ana',
      tags: ['ci', 'flaky'],
      status: 'open',
    });
  });

  it('accepts the boundaries: 200-character title, scores 1 and 5, zero effort and interest', () => {
    const parsed = DebtItemDraft.safeParse({
      ...base,
      title: 't'.repeat(200),
      likelihood: 1,
      impact: 5,
      effort: { low: 0, likely: 0, high: 0 },
      interest: 0,
    });
    expect(parsed.success).toBe(true);
  });

  it.each([
    [{ title: '' }, 'title'],
    [{ title: 't'.repeat(201) }, 'title'],
    [{ likelihood: 0 }, 'likelihood'],
    [{ impact: 6 }, 'impact'],
    [{ likelihood: 2.5 }, 'likelihood'],
    [{ likelihood: Number.NaN }, 'likelihood'],
    [{ effort: { low: 3, likely: 2, high: 4 } }, 'effort.low'],
    [{ effort: { low: 1, likely: 5, high: 4 } }, 'effort.high'],
    [{ effort: { low: -1, likely: 2, high: 4 } }, 'effort.low'],
    [{ interest: Number.POSITIVE_INFINITY }, 'interest'],
    [{ description: 'd'.repeat(20_001) }, 'description'],
    [{ dueDate: '2026-02-30' }, 'dueDate'],
    [{ status: 'accepted' }, 'acceptance.rationale'],
    [{ status: 'accepted', acceptance: { rationale: '  ' } }, 'acceptance.rationale'],
    [{ externalRef: { source: 'jira', key: 'PAY-1', url: 'javascript:alert(1)' } }, 'externalRef.url'],
  ])('refuses %o at %s', (over, path) => {
    const parsed = DebtItemDraft.safeParse({ ...base, ...over });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

describe('mergePatch', () => {
  const stored = DebtItem.parse({
    ...base,
    id: '6f1c2a9e-8a53-4d7e-9a51-0c2b9d3f4e11',
    dueDate: '2027-01-01',
    quadrant: 'deliberate-prudent',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 3,
  });

  it('overrides given fields, clears nulls and never carries the store’s own fields', () => {
    const patch = DebtItemPatch.parse({ title: 'Faster CI', dueDate: null, quadrant: null });
    const merged = DebtItemDraft.parse(mergePatch(stored, patch));
    expect(merged.title).toBe('Faster CI');
    expect(merged.dueDate).toBeUndefined();
    expect(merged.quadrant).toBeUndefined();
    expect(merged.impact).toBe(4);
    expect(Object.keys(merged)).not.toContain('version');
    expect(Object.keys(merged)).not.toContain('id');
  });

  it('drops the effort-unknown tag once an effort is given, and only then', () => {
    const imported = DebtItem.parse({ ...stored, effort: { low: 0, likely: 0, high: 0 }, tags: ['github', 'effort-unknown'] });
    const estimated = DebtItemDraft.parse(mergePatch(imported, DebtItemPatch.parse({ effort: { low: 1, likely: 2, high: 5 } })));
    expect(estimated.tags).toEqual(['github']);
    // The editor sends every field back, the tag included: the estimate still wins.
    const fromEditor = DebtItemDraft.parse(mergePatch(imported, DebtItemPatch.parse({ effort: { low: 1, likely: 1, high: 1 }, tags: ['github', 'effort-unknown'] })));
    expect(fromEditor.tags).toEqual(['github']);
    expect(DebtItemDraft.parse(mergePatch(imported, DebtItemPatch.parse({ title: 'Renamed' }))).tags).toEqual(['github', 'effort-unknown']);
    expect(DebtItemDraft.parse(mergePatch(imported, DebtItemPatch.parse({ effort: { low: 0, likely: 0, high: 0 } }))).tags).toEqual(['github', 'effort-unknown']);
  });

  it('refuses fields that are not editable', () => {
    expect(DebtItemPatch.safeParse({ version: 9 }).success).toBe(false);
    // JSON.parse keeps "__proto__" as an own key, as a hostile request body would.
    const hostile: unknown = JSON.parse('{"__proto__": {"polluted": true}, "title": "x"}');
    expect(DebtItemPatch.safeParse(hostile).success).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
