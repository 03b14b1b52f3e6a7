import type { DebtItem } from '../../shared/domain/debt-item.js';
import { effortNotEstimated } from '../../shared/domain/effort-estimate.js';

const TITLE_WIDTH = 48;
const OWNER_WIDTH = 24;

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

const num = (n: number): string => String(Math.round(n * 100) / 100);

/** As the app's table shows it: one number, a low/likely/high range, or "not estimated" (never a misleading 0). */
function formatEffort(item: DebtItem): string {
  if (effortNotEstimated(item)) return 'not estimated';
  const { low, likely, high } = item.effort;
  return low === likely && likely === high ? num(likely) : `${num(low)}/${num(likely)}/${num(high)}`;
}

const COLUMNS: readonly { title: string; right: boolean; cell(item: DebtItem): string }[] = [
  { title: 'TITLE', right: false, cell: (i) => clip(i.title, TITLE_WIDTH) },
  { title: 'KIND', right: false, cell: (i) => i.kind },
  { title: 'STATUS', right: false, cell: (i) => i.status },
  { title: 'RISK (L×I)', right: true, cell: (i) => `${String(i.likelihood * i.impact)} (${String(i.likelihood)}×${String(i.impact)})` },
  { title: 'EFFORT', right: true, cell: formatEffort },
  { title: 'INTEREST', right: true, cell: (i) => num(i.interest) },
  { title: 'OWNER', right: false, cell: (i) => (i.owner === '' ? '-' : clip(i.owner, OWNER_WIDTH)) },
];

/** An aligned plain-text table, one row per item, ending with a count line. */
export function formatItemTable(items: readonly DebtItem[], dbPath: string): string {
  if (items.length === 0) {
    return `No debt items in ${dbPath} yet. Add one with "paydown items add" (see "paydown --help").\n`;
  }
  const rows = [COLUMNS.map((c) => c.title), ...items.map((item) => COLUMNS.map((c) => c.cell(item)))];
  const widths = COLUMNS.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  const lines = rows.map((row) =>
    row
      .map((text, col) => {
        const width = widths[col] ?? 0;
        return COLUMNS[col]?.right === true ? text.padStart(width) : text.padEnd(width);
      })
      .join('  ')
      .trimEnd(),
  );
  const count = `${String(items.length)} ${items.length === 1 ? 'item' : 'items'} in ${dbPath}`;
  return `${lines.join('\n')}\n\n${count}\n`;
}
