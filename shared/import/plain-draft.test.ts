import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DebtItemDraft } from '../domain/debt-item.js';
import type { ImportDraftInput } from './parsed-import.js';
import { plainDraft } from './plain-draft.js';

/** Mostly a value the schema takes as it is, sometimes an odd one: so both paths are exercised. */
const mostly = <T, U>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) => fc.oneof({ arbitrary: usual, weight: 12 }, { arbitrary: odd, weight: 1 });
const text = (max: number) =>
  mostly(fc.constantFrom('Plain', 'b', 'Zoë'), fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('', ' ', ' padded ', 'x'.repeat(max), 'x'.repeat(max + 1))));
const level = mostly(fc.constantFrom(1, 3, 5), fc.constantFrom(0, 6, 2.5, Number.NaN, -0));
const number = mostly(fc.constantFrom(0, 0.5, 2, 1_000_000), fc.oneof(fc.constantFrom(-1, 1_000_001, Number.NaN, Number.POSITIVE_INFINITY, -0), fc.double()));
const rare = <T>(arb: fc.Arbitrary<T>) => mostly(fc.constant(undefined), arb);

const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T; // the same object minus some optional keys

const draftInput: fc.Arbitrary<ImportDraftInput> = fc
  .record({
    title: text(200),
    description: rare(text(20_000)),
    kind: rare(fc.constantFrom('code', 'test', 'nonsense')),
    quadrant: rare(fc.constantFrom('deliberate-prudent', 'sideways')),
    area: text(100),
    owner: text(100),
    tags: rare(fc.array(mostly(fc.constantFrom('ci', 'db'), fc.oneof(fc.constantFrom(' ci', '', 'x'.repeat(51)), fc.string({ maxLength: 4 }))), { maxLength: 6 })),
    status: rare(fc.constantFrom('open', 'paid', 'accepted', 'closed')),
    likelihood: level,
    impact: level,
    effort: fc.record({ low: number, likely: number, high: number }),
    interest: number,
    dueDate: rare(fc.constantFrom('2025-02-28', '2024-02-29', '2025-02-29', '2025-13-01', '25-01-01')),
    acceptance: rare(fc.record({ rationale: text(10) })),
    outcome: rare(text(100)),
    externalRef: fc.record({ source: mostly(fc.constant('csv'), fc.constantFrom('jira', 'svn')), key: text(200), url: rare(fc.constantFrom('https://x.example/1', 'ftp://x')) }),
  })
  // Keys drawn as undefined are kept half the time, since zod keeps an optional key given as undefined.
  .chain((draft) => fc.boolean().map((keep) => (keep ? draft : { ...withoutUndefined(draft), externalRef: withoutUndefined(draft.externalRef) })))
  .map((draft) => draft as ImportDraftInput); // the arbitrary builds the input shape, including values the schema refuses

describe('plainDraft', () => {
  it('answers only what zod answers, with the same keys in the same order', () => {
    let fast = 0;
    fc.assert(
      fc.property(draftInput, (input) => {
        const plain = plainDraft(input);
        if (plain === null) return;
        fast += 1;
        const parsed = DebtItemDraft.safeParse(input);
        expect(parsed.success).toBe(true);
        expect(plain).toStrictEqual(parsed.data);
        expect(JSON.stringify(plain)).toBe(JSON.stringify(parsed.data));
      }),
      { numRuns: 5000 },
    );
    expect(fast).toBeGreaterThan(50);
  });

  it('takes the fast path for an ordinary record', () => {
    const input: ImportDraftInput = {
      title: 'Flaky tests',
      description: 'Retries hide it.',
      area: 'CI',
      owner: 'Zoë',
      tags: ['ci', 'flaky', 'ci'],
      likelihood: 4,
      impact: 3,
      effort: { low: 1, likely: 2, high: 5 },
      interest: 1.5,
      dueDate: '2025-03-31',
      externalRef: { source: 'csv', key: 'Flaky tests' },
    };
    expect(plainDraft(input)).toStrictEqual(DebtItemDraft.parse(input));
  });
});
