import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DebtItemDraft } from '../domain/debt-item.js';
import { arbDraft } from '../testing/arbitraries.js';
import { csvCell, exportItemsCsv } from './csv-export.js';
import { parseImport } from './parse-import.js';
import { validateDrafts } from './validate-drafts.js';

const base = DebtItemDraft.parse({ title: 'Plain title for comparison', likelihood: 1, impact: 1, effort: { low: 1, likely: 1, high: 1 }, interest: 0 });

describe('csvCell', () => {
  it('guards and quotes every cell a spreadsheet would evaluate', () => {
    expect(csvCell('=HYPERLINK("http://example.invalid","x")')).toBe(`"'=HYPERLINK(""http://example.invalid"",""x"")"`);
    for (const start of ['+', '-', '@', '\t', '\r', '\n']) expect(csvCell(`${start}x`)).toBe(`"'${start}x"`);
    expect(csvCell('Plain title for comparison')).toBe('Plain title for comparison');
    expect(csvCell('a, b')).toBe('"a, b"');
  });
});

describe('exportItemsCsv', () => {
  it('writes a BOM, a header and CRLF rows; plain rows stay unchanged', () => {
    const text = exportItemsCsv([base]);
    expect(text.startsWith('\uFEFFTitle,Description,Kind,')).toBe(true);
    expect(text.split('\r\n')[1]).toBe('Plain title for comparison,,code,,,,,open,1,1,1,1,1,0,,,,,,,,,');
  });

  it('imports back to the same items (property)', () => {
    fc.assert(
      fc.property(fc.array(arbDraft(), { minLength: 1, maxLength: 8 }), (inputs) => {
        const items = inputs.map((input) => DebtItemDraft.parse(input));
        const parsed = parseImport(exportItemsCsv(items), { unit: 'points' });
        const { valid, errors } = validateDrafts(parsed);
        expect(errors).toEqual([]);
        expect(valid.map(({ draft: { externalRef: _ref, ...rest } }) => rest)).toEqual(items);
      }),
      { numRuns: 150 },
    );
  });

  it('imports back any text in descriptions and tags: control characters, quotes, line breaks, formulas', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 40 });
    const tag = fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).map((t) => t.trim()).filter((t) => t !== '');
    fc.assert(
      fc.property(anyText, fc.uniqueArray(tag, { maxLength: 4 }), (description, tags) => {
        const item = DebtItemDraft.parse({ ...base, description, tags });
        const { valid, errors } = validateDrafts(parseImport(exportItemsCsv([item]), { unit: 'points' }));
        expect(errors).toEqual([]);
        expect(valid[0]?.draft).toMatchObject({ description: item.description, tags: item.tags });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps hand-picked hard cases intact', () => {
    const hard = ["'=already guarded", '\r\nstarts with CRLF', 'ends with a quote"', '\uFEFFbom inside', '  spaced  ', '=1+1'];
    const items = hard.map((text, i) => DebtItemDraft.parse({ ...base, title: `T${String(i)} ${text.trim() || 'x'}`, description: text, tags: [text.trim() || 'x', 'a, b', '"q"'] }));
    const { valid, errors } = validateDrafts(parseImport(exportItemsCsv(items), { unit: 'points' }));
    expect(errors).toEqual([]);
    expect(valid.map((v) => [v.draft.description, v.draft.tags])).toEqual(items.map((i) => [i.description, i.tags]));
  });
});
