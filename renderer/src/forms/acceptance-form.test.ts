import { describe, expect, it } from 'vitest';
import { checkAcceptance } from './acceptance-form.js';

const TODAY = '2026-11-25';

describe('the accept dialog’s fields', () => {
  it('make an acceptance dated today, with the owner only when given', () => {
    expect(checkAcceptance({ rationale: '  Replaced next quarter ', reviewOn: '2027-03-01', owner: ' ' }, TODAY)).toEqual({
      ok: true,
      acceptance: { rationale: 'Replaced next quarter', reviewOn: '2027-03-01', acceptedOn: TODAY },
    });
    expect(checkAcceptance({ rationale: 'Cheap to carry', reviewOn: TODAY, owner: 'Zoë' }, TODAY)).toMatchObject({ ok: true, acceptance: { owner: 'Zoë' } });
  });

  it('require a rationale and a review date that is not in the past', () => {
    expect(checkAcceptance({ rationale: ' ', reviewOn: '', owner: '' }, TODAY)).toEqual({
      ok: false,
      errors: { rationale: 'Say why this debt is accepted.', reviewOn: 'Choose when the team reviews this acceptance.' },
    });
    expect(checkAcceptance({ rationale: 'Why', reviewOn: '2026-11-24', owner: '' }, TODAY)).toEqual({
      ok: false,
      errors: { reviewOn: 'The review date cannot be in the past.' },
    });
    expect(checkAcceptance({ rationale: 'Why', reviewOn: '2026-02-30', owner: 'x'.repeat(101) }, TODAY)).toEqual({
      ok: false,
      errors: { reviewOn: 'Use a date written as YYYY-MM-DD.', owner: 'Acceptance owner can be at most 100 characters.' },
    });
  });
});
