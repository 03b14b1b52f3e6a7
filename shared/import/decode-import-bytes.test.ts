import { describe, expect, it } from 'vitest';
import { decodeImportBytes, decodeText, tooLargeMessage, type DecodeOutcome } from './decode-import-bytes.js';

const messageOf = (outcome: DecodeOutcome): string => (outcome.ok ? '' : outcome.message);

// shared/ compiles without DOM or Node types; TextEncoder exists in every runtime the tests run in.
const encoder = new (globalThis as unknown as { TextEncoder: new () => { encode(text: string): Uint8Array } }).TextEncoder();

const bytesOf = (...parts: (string | readonly number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...encoder.encode(part)] : [...part])));

describe('decodeText', () => {
  it('reads UTF-8 as is, keeping a BOM for the parser to drop', () => {
    expect(decodeText(bytesOf('\uFEFFTitle\nZoë\n'))).toEqual({ ok: true, content: '\uFEFFTitle\nZoë\n', encoding: 'utf-8' });
  });

  it('falls back to Windows-1252 with a note naming the first line that is not UTF-8', () => {
    const decoded = decodeText(bytesOf('Title,Owner\nRundung,J', [0xfc], 'rgen Wei', [0xdf, 0x80, 0x93, 0x94]));
    expect(decoded).toMatchObject({ ok: true, encoding: 'windows-1252', content: 'Title,Owner\nRundung,Jürgen Weiß€“”' });
    expect(decoded.ok && decoded.note).toMatch(/not UTF-8 \(first non-UTF-8 byte on line 2\).*Windows-1252/);
  });

  it('never produces U+FFFD, even for the five unassigned Windows-1252 bytes', () => {
    expect(decodeText(Uint8Array.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toMatchObject({ content: '\u0081\u008d\u008f\u0090\u009d' });
  });

  it('reads UTF-16 marked by its byte-order mark and refuses a broken one', () => {
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0xeb, 0x00]))).toEqual({ ok: true, content: 'Aë', encoding: 'utf-16le' });
    expect(messageOf(decodeText(Uint8Array.from([0xff, 0xfe, 0x00, 0xd8])))).toMatch(/not valid UTF-16LE/);
  });
});

describe('decodeImportBytes', () => {
  it('refuses empty files, workbooks, databases and text with NUL characters', () => {
    expect(decodeImportBytes('a.csv', new Uint8Array())).toEqual({ ok: false, message: '“a.csv” is empty: there is nothing to import.' });
    expect(messageOf(decodeImportBytes('b.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1])))).toMatch(/save it as “CSV UTF-8”/);
    expect(messageOf(decodeImportBytes('c.paydown', bytesOf('SQLite format 3\u0000rest')))).toMatch(/SQLite database/);
    expect(messageOf(decodeImportBytes('d.dat', Uint8Array.from([0x41, 0x00, 0x42])))).toMatch(/NUL characters/);
  });

  it('decodes a large Windows-1252 file in chunks', () => {
    const bytes = new Uint8Array(50_000).fill(0xe9);
    const decoded = decodeImportBytes('big.csv', bytes);
    expect(decoded.ok && decoded.content).toBe('é'.repeat(50_000));
  });
});

it('names the size and the limit of a file that is too large', () => {
  expect(tooLargeMessage('big.csv', 3 * 1024 * 1024, 2 * 1024 * 1024)).toBe(
    '“big.csv” is 3.0 MB; Paydown imports files up to 2 MB. Split it into smaller files and import each.',
  );
});
