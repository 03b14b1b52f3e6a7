/**
 * Reading single values out of imported text, strictly: a value is either read exactly or refused,
 * never guessed (`"3" + 1` is not 4, `1,234` is not 1.234 unless the file uses decimal commas).
 */

const DECIMAL_POINT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?(\d+(,\d*)?|,\d+)$/;

/** A number written in decimal notation (`0.5`, `13`, `5.0`; `0,5` when `decimalComma`); null when it is not one. */
export function parseDecimal(text: string, decimalComma: boolean): number | null {
  const trimmed = text.trim();
  if (DECIMAL_POINT.test(trimmed)) {
    const value = Number(trimmed);
    return Number.isFinite(value) ? value : null;
  }
  if (decimalComma && DECIMAL_COMMA.test(trimmed)) return Number(trimmed.replace(',', '.'));
  return null;
}

/**
 * A whole number from JSON that some tools write as a string (`"57"`). Only plain digits within
 * JavaScript's exact range are read; anything else is null.
 */
export function wholeNumberFrom(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^-?\d{1,16}$/.test(value.trim())) {
    const n = Number(value.trim());
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;

/** `YYYY-MM-DD` (a time after it is ignored) when it names a real day; null otherwise. */
export function parseIsoDate(text: string): string | null {
  const match = ISO_DATE.exec(text.trim());
  if (match === null) return null;
  const [, year = '', month = '', day = ''] = match;
  return calendarDate(Number(year), Number(month), Number(day));
}

/** The date as YYYY-MM-DD when year, month (1–12) and day exist on the calendar. */
export function calendarDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Characters a spreadsheet treats as the start of a formula when they open a cell. */
const FORMULA_START = /^[=+\-@\t\r\n]/;
/** What the exporter guarded with a leading apostrophe, and so what the importer unguards. */
const GUARDED = /^'[=+\-@\t\r\n']/;

/**
 * Spreadsheet formula-injection guard for CSV export: a cell that a spreadsheet would evaluate (or
 * that already looks guarded) gets a leading apostrophe. `unguardCell` undoes exactly this.
 */
export function guardCell(text: string): { text: string; guarded: boolean } {
  return FORMULA_START.test(text) || GUARDED.test(text) ? { text: `'${text}`, guarded: true } : { text, guarded: false };
}

export function unguardCell(text: string): string {
  // Checked by the first character before the pattern: this runs for every cell of an import.
  return text.startsWith("'") && GUARDED.test(text) ? text.slice(1) : text;
}

/**
 * Splits a list cell (`security, auth`) on commas. A part may be double-quoted to hold a comma or
 * quote (`"a, b", c`), as the exporter writes it; parts are trimmed and empty parts dropped.
 */
export function splitList(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        current += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        current += ch;
      }
    } else if (ch === '"' && current.trim() === '') {
      quoted = true;
      wasQuoted = true;
      current = '';
    } else if (ch === ',') {
      parts.push(wasQuoted ? current : current.trim());
      current = '';
      wasQuoted = false;
    } else if (!(wasQuoted && ch.trim() === '')) {
      current += ch;
    }
  }
  parts.push(wasQuoted ? current : current.trim());
  return parts.filter((part) => part.trim() !== '');
}

/** Joins a list so that `splitList` gives it back: parts holding a comma or quote, or padded with spaces, are quoted. */
export function joinList(parts: readonly string[]): string {
  return parts.map((part) => (/[",]|^\s|\s$/.test(part) ? `"${part.replaceAll('"', '""')}"` : part)).join(', ');
}

/** Cuts text to `limit` characters, never through a surrogate pair, ending with "…". */
export function cutText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
