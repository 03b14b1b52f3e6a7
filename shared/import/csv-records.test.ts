import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsv } from './csv-records.js';

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
