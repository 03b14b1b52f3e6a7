/** How an import file's bytes were read as text. */
type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  readonly content: string;
  readonly encoding: TextEncodingName;
  /** Set when the text was not UTF-8, so the import can say how it was read. */
  readonly note?: string;
}

export type DecodeOutcome = ({ readonly ok: true } & DecodedText) | { readonly ok: false; readonly message: string };

interface StrictDecoder {
  decode(input: Uint8Array, options?: { stream?: boolean }): string;
}
type DecoderConstructor = new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => StrictDecoder;

// TextDecoder exists in every runtime Paydown runs in (browsers, Node, Electron), but shared/ compiles
// without the DOM and Node type libraries, so its minimal shape is declared above.
const TextDecoderClass = (globalThis as unknown as { TextDecoder: DecoderConstructor }).TextDecoder;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

const SQLITE_HEADER = Array.from('SQLite format 3\u0000', (ch) => ch.charCodeAt(0));

/** Spreadsheets and archives that are not text: say what to do instead of reading them as text. */
function binaryKind(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return 'a ZIP archive (an .xlsx or .ods workbook is one): save it as “CSV UTF-8” and import that';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return 'an old Excel workbook (.xls): save it as “CSV UTF-8” and import that';
  }
  if (startsWith(bytes, SQLITE_HEADER)) return 'a SQLite database, not an import file';
  return null;
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F, where it differs from Latin-1 (WHATWG's table; the five
 * unassigned bytes stay C1 controls, as browsers decode them). Node's TextDecoder('windows-1252') is
 * plain Latin-1 in this range (nodejs/node#56542), so the table is applied here in every runtime.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  // Chunks keep String.fromCharCode's argument list short on large files.
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = Array.from(bytes.subarray(start, start + 8192), (b) =>
      b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b,
    );
    parts.push(String.fromCharCode(...chunk));
  }
  return parts.join('');
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
      new TextDecoderClass('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      // This prefix already holds the bad byte: look in the shorter half.
      high = mid - 1;
    }
  }
  return low >= bytes.length ? -1 : low;
}

/**
 * Text from bytes, never with replacement characters: a byte-order mark picks UTF-8 or UTF-16; text
 * that is valid UTF-8 is UTF-8 (a strict decoder, so one bad byte fails it); anything else is read as
 * Windows-1252, the superset of Latin-1 that Excel writes on Western Windows systems. Windows-1252
 * maps every byte to a character, so this never produces U+FFFD; a UTF-8 file is never read as
 * Windows-1252, so "Jürgen" never turns into "JÃ¼rgen".
 */
export function decodeText(bytes: Uint8Array): DecodeOutcome {
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : null;
  if (utf16 !== null) {
    try {
      return { ok: true, content: new TextDecoderClass(utf16, { fatal: true }).decode(bytes), encoding: utf16 };
    } catch {
      const name = utf16.toUpperCase();
      return { ok: false, message: `The file starts with a ${name} byte-order mark but is not valid ${name} text. Save it as “CSV UTF-8” and import again.` };
    }
  }
  try {
    // ignoreBOM keeps a UTF-8 BOM in the text, where the parsers drop it; the content stays what the file says.
    return { ok: true, content: new TextDecoderClass('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8 (the fatal decoder says so by throwing): read it as Windows-1252 below.
  }
  const firstBad = firstInvalidUtf8(bytes);
  const line = firstBad === -1 ? 1 : 1 + bytes.subarray(0, firstBad).filter((b) => b === 0x0a).length;
  return {
    ok: true,
    content: decodeWindows1252(bytes),
    encoding: 'windows-1252',
    note: `The file is not UTF-8 (first non-UTF-8 byte on line ${String(line)}); it was read as Windows-1252 (Latin-1). If accents look wrong, save it as “CSV UTF-8” and import again.`,
  };
}

/**
 * An import file's bytes as text, or why they cannot be imported: empty, a workbook or database, or
 * text with NUL characters. The desktop file reader and the renderer's drop zone both use this.
 */
export function decodeImportBytes(fileName: string, bytes: Uint8Array): DecodeOutcome {
  if (bytes.length === 0) return { ok: false, message: `“${fileName}” is empty: there is nothing to import.` };
  const binary = binaryKind(bytes);
  if (binary !== null) return { ok: false, message: `“${fileName}” is ${binary}.` };
  const decoded = decodeText(bytes);
  if (decoded.ok && decoded.content.includes('\u0000')) {
    return { ok: false, message: `“${fileName}” holds NUL characters, so it is not a text file. Export it as CSV or JSON.` };
  }
  return decoded;
}

const MB = 1024 * 1024;

/** Why a file over the import limit is refused before it is read, and what to do instead. */
export function tooLargeMessage(fileName: string, sizeBytes: number, limitBytes: number): string {
  return `“${fileName}” is ${(sizeBytes / MB).toFixed(1)} MB; Paydown imports files up to ${String(Math.round(limitBytes / MB))} MB. Split it into smaller files and import each.`;
}
