import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { MAX_IMPORT_BYTES } from '../../shared/import/import-schema.js';

/** Why a file cannot be imported at all: the CLI and the app show the message as is. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export interface ImportFile {
  readonly fileName: string;
  readonly content: string;
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** Set when the text was not UTF-8, so the import can say how it was read. */
  readonly note?: string;
}

const MB = 1024 * 1024;

function describe(error: unknown): string {
  if (error instanceof Error && 'code' in error) {
    if (error.code === 'ENOENT') return 'there is no such file';
    if (error.code === 'EACCES' || error.code === 'EPERM') return 'permission denied';
    if (error.code === 'EISDIR') return 'it is a folder';
  }
  return error instanceof Error ? error.message : String(error);
}

/** Spreadsheets and archives that are not text: say what to do instead of reading them as text. */
function binaryKind(bytes: Buffer): string | null {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    return 'a ZIP archive (an .xlsx or .ods workbook is one): save it as “CSV UTF-8” and import that';
  }
  if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    return 'an old Excel workbook (.xls): save it as “CSV UTF-8” and import that';
  }
  if (bytes.subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000') return 'a SQLite database, not an import file';
  return null;
}

/**
 * Text from bytes, never with replacement characters: a byte-order mark picks UTF-8 or UTF-16; text
 * that is valid UTF-8 is UTF-8 (a strict decoder, so one bad byte fails it); anything else is read as
 * Windows-1252, the superset of Latin-1 that Excel writes on Western Windows systems. Windows-1252
 * maps every byte to a character, so this never produces U+FFFD; a UTF-8 file is never read as
 * Windows-1252, so "Jürgen" never turns into "JÃ¼rgen".
 */
export function decodeText(bytes: Uint8Array): Pick<ImportFile, 'content' | 'encoding' | 'note'> {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16 !== null) {
    try {
      return { content: new TextDecoder(utf16, { fatal: true }).decode(bytes), encoding: utf16 };
    } catch {
      throw new ImportFileError(`The file starts with a ${utf16.toUpperCase()} byte-order mark but is not valid ${utf16.toUpperCase()} text. Save it as “CSV UTF-8” and import again.`);
    }
  }
  try {
    // ignoreBOM keeps a UTF-8 BOM in the text, where the parsers drop it; the content stays what the file says.
    return { content: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8 (the fatal decoder says so by throwing): read it as Windows-1252 below.
  }
  const firstBad = firstInvalidUtf8(bytes);
  const line = firstBad === -1 ? 1 : 1 + bytes.subarray(0, firstBad).filter((b) => b === 0x0a).length;
  return {
    content: decodeWindows1252(bytes),
    encoding: 'windows-1252',
    note: `The file is not UTF-8 (first non-UTF-8 byte on line ${String(line)}); it was read as Windows-1252 (Latin-1). If accents look wrong, save it as “CSV UTF-8” and import again.`,
  };
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F, where it differs from Latin-1 (WHATWG's table; the five
 * unassigned bytes stay C1 controls, as browsers decode them). Node's TextDecoder('windows-1252') is
 * plain Latin-1 in this range (nodejs/node#56542), so the table is applied here.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (ch) => CP1252_HIGH.charAt(ch.charCodeAt(0) - 0x80));
}

/** The offset of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // Binary search on prefixes: a prefix that decodes holds no bad byte (a multi-byte sequence cut at
  // its end is allowed: a fresh decoder in streaming mode waits for the rest instead of failing).
  while (low < high) {
    const mid = Math.floor((low + high + 1) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      // This prefix already holds the bad byte: look in the shorter half.
      high = mid - 1;
    }
  }
  return low >= bytes.length ? -1 : low;
}

/** Reads a file to import: refused when missing, empty, larger than 200 MB or not text. */
export function readImportFile(file: string, limitBytes: number = MAX_IMPORT_BYTES): ImportFile {
  const fileName = path.basename(file);
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new ImportFileError(`Cannot import “${file}”: it is not a file.`);
    size = stats.size;
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(`Cannot read “${file}”: ${describe(error)}.`);
  }
  if (size === 0) throw new ImportFileError(`“${fileName}” is empty: there is nothing to import.`);
  if (size > limitBytes) {
    throw new ImportFileError(
      `“${fileName}” is ${(size / MB).toFixed(1)} MB; Paydown imports files up to ${String(Math.round(limitBytes / MB))} MB. Split it into smaller files and import each.`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new ImportFileError(`Cannot read “${file}”: ${describe(error)}.`);
  }
  const binary = binaryKind(bytes);
  if (binary !== null) throw new ImportFileError(`“${fileName}” is ${binary}.`);
  const decoded = decodeText(bytes);
  if (decoded.content.includes('\u0000')) {
    throw new ImportFileError(`“${fileName}” holds NUL characters, so it is not a text file. Export it as CSV or JSON.`);
  }
  return { fileName, ...decoded };
}
