import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutText, guardCell, joinList, parseDecimal, parseIsoDate, splitList, unguardCell, wholeNumberFrom } from './cell-values.js';

describe('parseDecimal', () => {
  it.each([
    ['0.5', false, 0.5],
    [' 13 ', false, 13],
    ['5.0', false, 5],
    ['.25', false, 0.25],
    ['1e3', false, 1000],
    ['2,5', true, 2.5],
    ['-1', false, -1],
  ])('reads %j (decimal comma %s) as %d', (text, comma, value) => {
    expect(parseDecimal(text, comma)).toBe(value);
  });

  it.each([['2,5', false], ['1,234.5', false], ['1.234,5', true], ['3 days', false], ['', false], ['NaN', false], ['Infinity', false], ['0x10', false], ['1e999', false]])(
    'refuses %j (decimal comma %s)',
    (text, comma) => {
      expect(parseDecimal(text, comma)).toBeNull();
    },
  );
});

describe('wholeNumberFrom', () => {
  it('reads numbers and digit strings exactly, refuses the rest', () => {
    expect(wholeNumberFrom(57)).toBe(57);
    expect(wholeNumberFrom('57')).toBe(57);
    expect(wholeNumberFrom('-3')).toBe(-3);
    for (const bad of ['57a', '5.5', '', ' ', 5.5, 2 ** 53, '9007199254740993', null, true, [], {}]) expect(wholeNumberFrom(bad)).toBeNull();
  });
});

describe('parseIsoDate', () => {
  it('reads real days, ignoring a time after them', () => {
    expect(parseIsoDate('2025-03-31')).toBe('2025-03-31');
    expect(parseIsoDate('2024-06-30T07:00:00Z')).toBe('2024-06-30');
    for (const bad of ['2025-02-30', '31/03/2025', '2025-3-1', 'tomorrow', '']) expect(parseIsoDate(bad)).toBeNull();
  });
});

describe('the formula guard', () => {
  it('guards cells a spreadsheet would evaluate, and only those', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '\n']) expect(guardCell(`${start}1+1`)).toEqual({ text: `'${start}1+1`, guarded: true });
    expect(guardCell('Plain title')).toEqual({ text: 'Plain title', guarded: false });
    expect(guardCell("'quoted' word")).toEqual({ text: "'quoted' word", guarded: false });
    expect(guardCell("'=x")).toEqual({ text: "''=x", guarded: true });
  });

  it('unguard undoes guard for every text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.constantFrom('', "'", "''", '=', "'=", '-', '\t'), (tail, head) => {
        const text = head + tail;
        expect(unguardCell(guardCell(text).text)).toBe(text);
      }),
    );
  });
});

describe('splitList and joinList', () => {
  it('split a tags cell on commas, trimming', () => {
    expect(splitList('security, auth')).toEqual(['security', 'auth']);
    expect(splitList(' upgrade ,runtime,, ')).toEqual(['upgrade', 'runtime']);
    expect(splitList('"a, b", c')).toEqual(['a, b', 'c']);
    expect(splitList('"say ""hi""", x')).toEqual(['say "hi"', 'x']);
    expect(splitList('')).toEqual([]);
  });

  it('joinList gives back what splitList reads, for any trimmed tags', () => {
    const tag = fc.string({ minLength: 1, maxLength: 8 }).map((s) => s.trim()).filter((s) => s !== '');
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 5 }), (tags) => {
        expect(splitList(joinList(tags))).toEqual(tags);
      }),
    );
  });
});

describe('cutText', () => {
  it('cuts to the limit with an ellipsis, never through a surrogate pair', () => {
    expect(cutText('abcdef', 4)).toBe('abc…');
    expect(cutText('abc', 4)).toBe('abc');
    const cut = cutText('ab😀cd', 4);
    expect(cut).toBe('ab…');
    expect(cut.length).toBeLessThanOrEqual(4);
  });
});
