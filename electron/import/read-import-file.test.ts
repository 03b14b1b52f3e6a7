import { mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/temp-dir.js';
import { decodeText } from '../../shared/import/decode-import-bytes.js';
import { readImportFile } from './read-import-file.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('paydown-import-file-');
});
afterEach(() => {
  temp.cleanup();
});

function write(name: string, bytes: Uint8Array | string): string {
  const file = temp.file(name);
  writeFileSync(file, bytes);
  return file;
}

describe('readImportFile', () => {
  it('reads UTF-8 as is, keeping a BOM for the parser to drop', () => {
    const file = readImportFile(write('a.csv', '\uFEFFTitle\nZoë\n'));
    expect(file).toEqual({ fileName: 'a.csv', content: '\uFEFFTitle\nZoë\n', encoding: 'utf-8' });
  });

  it('reads text that is not UTF-8 as Windows-1252, naming the first odd line, never with U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from('Title,Owner\nRundung,J'), Buffer.from([0xfc]), Buffer.from('rgen Wei'), Buffer.from([0xdf, 0x80])]);
    const file = readImportFile(write('latin.csv', bytes));
    expect(file.encoding).toBe('windows-1252');
    expect(file.content).toBe('Title,Owner\nRundung,Jürgen Weiß€');
    expect(file.note).toMatch(/not UTF-8 \(first non-UTF-8 byte on line 2\)/);
    expect(decodeText(Uint8Array.from([0x81, 0x8d]))).toMatchObject({ ok: true, content: '\u0081\u008d' });
  });

  it('reads UTF-16 files marked by their byte-order mark (Excel\'s "Unicode text")', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Title\tOwner\nA\tZoë\n', 'utf16le')]);
    expect(readImportFile(write('u16.txt', le))).toMatchObject({ content: 'Title\tOwner\nA\tZoë\n', encoding: 'utf-16le' });
    expect(() => readImportFile(write('broken.txt', Buffer.from([0xff, 0xfe, 0x00, 0xd8])))).toThrow(/not valid UTF-16LE/);
  });

  it('refuses an empty file, a missing file, a folder and a file over the limit', () => {
    expect(() => readImportFile(write('empty.csv', ''))).toThrow('“empty.csv” is empty: there is nothing to import.');
    expect(() => readImportFile(temp.file('missing.csv'))).toThrow(/there is no such file/);
    mkdirSync(temp.file('folder'));
    expect(() => readImportFile(temp.file('folder'))).toThrow(/not a file/);
    expect(() => readImportFile(write('big.csv', 'x'.repeat(3 * 1024 * 1024)), 2 * 1024 * 1024)).toThrow(
      '“big.csv” is 3.0 MB; Paydown imports files up to 2 MB. Split it into smaller files and import each.',
    );
  });

  it('refuses workbooks, databases and binary files with what to do instead', () => {
    expect(() => readImportFile(write('book.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2])))).toThrow(/save it as “CSV UTF-8”/);
    expect(() => readImportFile(write('x.paydown', 'SQLite format 3\u0000rest'))).toThrow(/SQLite database/);
    expect(() => readImportFile(write('bin.dat', Buffer.from([0x41, 0x00, 0x42])))).toThrow(/NUL characters/);
  });
});
