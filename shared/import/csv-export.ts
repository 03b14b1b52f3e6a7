import type { DebtItemDraft } from '../domain/debt-item.js';
import { guardCell, joinList } from './cell-values.js';

/**
 * Items as Paydown's generic CSV, which the generic importer reads back to the same items. RFC 4180
 * with CRLF line ends and a UTF-8 BOM (so Excel reads the accents right). Against spreadsheet formula
 * injection, every cell that starts with = + - @ TAB CR or LF gets a leading apostrophe and quotes;
 * the importer removes exactly that apostrophe again.
 */
const COLUMNS: readonly [string, (d: DebtItemDraft) => string][] = [
  ['Title', (d) => d.title],
  ['Description', (d) => d.description],
  ['Kind', (d) => d.kind],
  ['Quadrant', (d) => d.quadrant ?? ''],
  ['Area', (d) => d.area],
  ['Owner', (d) => d.owner],
  ['Tags', (d) => joinList(d.tags)],
  ['Status', (d) => d.status],
  ['Likelihood', (d) => String(d.likelihood)],
  ['Impact', (d) => String(d.impact)],
  ['Effort low', (d) => String(d.effort.low)],
  ['Effort', (d) => String(d.effort.likely)],
  ['Effort high', (d) => String(d.effort.high)],
  ['Interest per sprint', (d) => String(d.interest)],
  ['Due', (d) => d.dueDate ?? ''],
  ['Outcome', (d) => d.outcome ?? ''],
  ['Acceptance rationale', (d) => d.acceptance?.rationale ?? ''],
  ['Acceptance owner', (d) => d.acceptance?.owner ?? ''],
  ['Accepted on', (d) => d.acceptance?.acceptedOn ?? ''],
  ['Review on', (d) => d.acceptance?.reviewOn ?? ''],
  ['Source', (d) => d.externalRef?.source ?? ''],
  ['Key', (d) => d.externalRef?.key ?? ''],
  ['Link', (d) => d.externalRef?.url ?? ''],
];

const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: formula guard first, then quotes when the cell holds a quote, comma or line break (or was guarded). */
export function csvCell(value: string): string {
  const { text, guarded } = guardCell(value);
  return guarded || NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function exportItemsCsv(items: readonly DebtItemDraft[], options: { bom?: boolean } = {}): string {
  const lines = [COLUMNS.map(([name]) => name).join(','), ...items.map((item) => COLUMNS.map(([, get]) => csvCell(get(item))).join(','))];
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
