import { describe, expect, it } from 'vitest';
import Papa from 'papaparse/papaparse.js';
import { detectDelimiter, readCsv, readCsvSteps } from './csv-records.js';

describe('detectDelimiter', () => {
  it('picks the delimiter the header uses most, outside quotes', () => {
    expect(detectDelimiter('Title,Owner,Effort')).toBe(',');
    expect(detectDelimiter('Title;Owner;Effort')).toBe(';');
    expect(detectDelimiter('Title\tOwner\tEffort')).toBe('\t');
    expect(detectDelimiter('"Title; with a semicolon",Owner')).toBe(',');
    expect(detectDelimiter('Title')).toBe(',');
  });
});

describe('readCsv', () => {
  it('gives each record its data row and starting line, across quoted line breaks and blank lines', () => {
    const table = readCsv('A,B\n1,"two\nlines"\n\n3,"x ""quoted"" y"\n4,"a\n\nb"\n5,z');
    expect(table.header).toEqual(['A', 'B']);
    expect(table.records.map((r) => [r.row, r.line, r.cells])).toEqual([
      [1, 2, ['1', 'two\nlines']],
      [2, 5, ['3', 'x "quoted" y']],
      [3, 6, ['4', 'a\n\nb']],
      [4, 9, ['5', 'z']],
    ]);
    expect(table.errors).toEqual([]);
  });

  it('drops a BOM, reads CRLF files without leaving a CR in the last cell, keeps CRLF inside quotes', () => {
    const table = readCsv('\uFEFFTitle,Tags\r\nA,"x, y"\r\nB,"line\r\nbreak"\r\n');
    expect(table.header).toEqual(['Title', 'Tags']);
    expect(table.records.map((r) => r.cells)).toEqual([
      ['A', 'x, y'],
      ['B', 'line\r\nbreak'],
    ]);
    expect(table.records.map((r) => r.line)).toEqual([2, 3]);
  });

  it('reads semicolon and tab files, and honours a forced delimiter', () => {
    expect(readCsv('A;B\n1,5;2').records[0]?.cells).toEqual(['1,5', '2']);
    expect(readCsv('A\tB\n1\t2').records[0]?.cells).toEqual(['1', '2']);
    expect(readCsv('A;B\n1;2', ',').records[0]?.cells).toEqual(['1;2']);
  });

  it('refuses an unterminated quote, naming the row and the line where it opens', () => {
    const table = readCsv('A,B\n1,2\n3,"open\nmore\n');
    expect(table.errors).toEqual([
      { row: 2, line: 3, message: expect.stringContaining('opens on line 3 and never closes') as unknown },
    ]);
  });

  it('marks records with the wrong number of fields, but tolerates empty trailing cells', () => {
    const table = readCsv('A,B,C\n1,2,3\n1,2,3,4\n1,2\n1,2,3,,\n');
    expect(table.errors).toEqual([]);
    expect(table.records.map((r) => r.problem)).toEqual([
      undefined,
      'This row has 4 fields but the header has 3: a comma inside a cell needs the cell in double quotes.',
      'This row has 2 fields but the header has 3: a cell or its delimiter is missing.',
      undefined,
    ]);
  });
});

describe('readCsv over many slices', () => {
  // Over a megabyte, so the text is read in several slices with records and quoted line breaks across their edges.
  const rows = Array.from({ length: 12_000 }, (_, i) => `${String(i)},"multi\nline ""${String(i)}"" cell, with a comma",${'x'.repeat(i % 97)}`);
  const text = `N,Text,Pad\n${rows.join('\n')}\n`;

  it('reads the same records as one pass of papaparse, with progress up to the whole text', () => {
    const whole = Papa.parse(text, { delimiter: ',', newline: '\n', quoteChar: '"', escapeChar: '"', header: false, dynamicTyping: false, skipEmptyLines: false });
    const steps = readCsvSteps(text);
    const progress: number[] = [];
    let next = steps.next();
    while (next.done !== true) {
      progress.push(next.value.done);
      next = steps.next();
    }
    const table = next.value;
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(text.length);
    expect(table.records.map((r) => r.cells)).toEqual(whole.data.slice(1, -1));
    expect(table.records.at(-1)).toMatchObject({ row: 12_000, line: 2 + 11_999 * 2 });
    expect(table.errors).toEqual([]);
  });

  it('reports an unclosed quote near the end once, at the line where it opens', () => {
    const table = readCsv(`${text}12000,"never closed\n`);
    expect(table.errors).toEqual([{ row: 12_001, line: 24_002, message: expect.stringContaining('opens on line 24002') as unknown }]);
  });

  it('reports text after a closing quote once, even when the record straddles two slices', () => {
    const table = readCsv(text.replace('"multi\nline ""6000""', '"multi\nline "6000""'));
    expect(table.errors).toHaveLength(1);
    expect(table.errors[0]).toMatchObject({ row: 6001 });
  });
});
