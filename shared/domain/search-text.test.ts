import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch } from './search-text.js';

describe('foldForSearch', () => {
  it('ignores case and accents', () => {
    expect(foldForSearch('Zoë Lindqvist')).toBe('zoe lindqvist');
    expect(foldForSearch('JOSÉ Ramírez')).toBe('jose ramirez');
    expect(foldForSearch('Łukasz')).toBe('łukasz');
    expect(foldForSearch('渡辺 健')).toBe('渡辺 健');
  });

  it('is idempotent and keeps substrings findable', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        const folded = foldForSearch(a + b + c);
        expect(foldForSearch(folded)).toBe(folded);
        // Folding works character by character for plain ASCII, so a folded part stays inside the folded whole.
        if (/^[\x20-\x7e]*$/.test(b)) expect(folded.includes(foldForSearch(b))).toBe(true);
      }),
    );
  });

  it('folds ASCII-only text exactly as the full Unicode route would', () => {
    const fullRoute = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-composite' })), (text) => {
        expect(foldForSearch(text)).toBe(fullRoute(text));
      }),
      { numRuns: 500 },
    );
  });
});
