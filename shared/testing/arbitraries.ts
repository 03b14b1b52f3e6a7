import fc from 'fast-check';
import { FOWLER_QUADRANTS, KINDS, OUTCOME_METRICS, STATUSES, type DebtItemDraftInput } from '../domain/debt-item.js';

/** Text that survives trimming: no leading/trailing whitespace, at least one visible character. */
const visibleText = (maxLength: number) =>
  fc
    .string({ minLength: 1, maxLength, unit: 'grapheme' })
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= maxLength);

const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const amount = fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true }).map((n) => Math.round(n * 4) / 4);

/** Valid debt-item drafts, covering every optional field, for property tests of the store and the maths. */
export const arbDraft = (): fc.Arbitrary<DebtItemDraftInput> =>
  fc
    .record(
      {
        title: visibleText(200),
        description: fc.string({ maxLength: 300 }),
        kind: fc.constantFrom(...KINDS),
        quadrant: fc.constantFrom(...FOWLER_QUADRANTS),
        area: visibleText(30),
        owner: visibleText(30),
        tags: fc.uniqueArray(visibleText(20), { maxLength: 5 }),
        status: fc.constantFrom(...STATUSES),
        likelihood: fc.integer({ min: 1, max: 5 }),
        impact: fc.integer({ min: 1, max: 5 }),
        effort: fc.tuple(amount, amount, amount).map(([a, b, c]) => {
          const [low = 0, likely = 0, high = 0] = [a, b, c].sort((x, y) => x - y);
          return { low, likely, high };
        }),
        interest: amount,
        dueDate: isoDate,
        outcome: fc.constantFrom(...OUTCOME_METRICS, 'NPS of the checkout'),
        rationale: visibleText(100),
      },
      { requiredKeys: ['title', 'kind', 'status', 'likelihood', 'impact', 'effort', 'interest', 'rationale'] },
    )
    .map(({ rationale, ...draft }) =>
      draft.status === 'accepted' ? { ...draft, acceptance: { rationale, reviewOn: '2027-01-01' } } : draft,
    );
