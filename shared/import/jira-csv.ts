import type { DebtItemDraftInput, ExternalRef, Status } from '../domain/debt-item.js';
import { calendarDate, parseDecimal, parseIsoDate } from './cell-values.js';
import { headerKey } from './column-mapping.js';
import type { CsvTable } from './csv-records.js';
import { JIRA_PRIORITY_LEVELS, levelOf, withOverrides } from './level-scales.js';
import { fitDescription, fitShort, fitTags, fitTitle, hoursToUnit, pointsToUnit, UNKNOWN_EFFORT, type ParseContext } from './parse-context.js';
import { type DraftField, type ImportDraft, type ParsedImport } from './parsed-import.js';
import { EFFORT_UNKNOWN_TAG } from '../domain/effort-estimate.js';
import { kindFromWords, statusOf } from './status-kind-words.js';

/**
 * Jira's "Export CSV (all fields)". Multi-value fields repeat their column (`Labels`, `Labels`,
 * `Labels`), so columns are read by position: every column whose folded name matches contributes.
 * Cloud and Server/Data Center names fold to the same key (`Component/s` = `Components`, `Due Date` =
 * `Due date`). Rules:
 *
 * - Effort: story points from `Custom field (Story Points)` (company-managed) or `Custom field (Story
 *   point estimate)` (team-managed); without points, `Original estimate` in seconds; neither is unknown.
 * - Impact: `Priority` (Highest 5 … Lowest 1; Blocker 5, Critical 4, Major 3, Minor 2, Trivial 1);
 *   likelihood is the default (3): Jira has no such field.
 * - Status: a filled `Resolution` is paid, or won't fix for Won't Do / Won't Fix / Duplicate / Cannot
 *   Reproduce / Declined; otherwise `Status Category` In Progress is in progress, anything else open.
 * - Labels are tags, Components the area, Assignee the owner, `Due date` (dd/MMM/yy h:mm a) the due date.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const JIRA_DATE = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?:\s*([AaPp][Mm]))?)?$/;

/** `12/Mar/24 3:04 PM` → { date: '2024-03-12', time: '15:04' }; ISO dates too; null when neither. */
export function parseJiraDate(text: string): { date: string; time: string } | null {
  const trimmed = text.trim();
  const match = JIRA_DATE.exec(trimmed);
  if (match === null) {
    const iso = parseIsoDate(trimmed);
    return iso === null ? null : { date: iso, time: /T(\d{2}:\d{2})/.exec(trimmed)?.[1] ?? '00:00' };
  }
  const [, day = '', monthName = '', yearText = '', hourText, minuteText, meridiem] = match;
  const month = MONTHS.indexOf(monthName.toLowerCase()) + 1;
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const date = month === 0 ? null : calendarDate(year, month, Number(day));
  if (date === null) return null;
  let hour = Number(hourText ?? 0);
  const minute = Number(minuteText ?? 0);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return { date, time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
}

const WONT_FIX_RESOLUTIONS = new Set(["won't do", "won't fix", 'wont do', 'wont fix', 'duplicate', 'cannot reproduce', 'declined', 'rejected']);

/** Folded header name → every column index with that name, in file order. */
function columnIndex(header: readonly string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  header.forEach((name, i) => {
    const key = headerKey(name);
    index.set(key, [...(index.get(key) ?? []), i]);
  });
  return index;
}

export const isJiraHeader = (header: readonly string[]): boolean => {
  const keys = new Set(header.map(headerKey));
  return keys.has('issuekey') && keys.has('summary');
};

class RowProblem extends Error {}

export function parseJiraCsv(table: CsvTable, ctx: ParseContext): ParsedImport {
  const result: ParsedImport = { format: 'jira', drafts: [], skipped: [], errors: [...table.errors], notes: [] };
  if (!isJiraHeader(table.header)) {
    result.errors.push({ line: 1, message: 'This is not a Jira CSV export: the header has no “Issue key” and “Summary” columns.' });
  }
  if (table.records.length === 0) result.errors.push({ line: 1, message: 'The file has a header but no issues: there is nothing to import.' });
  if (result.errors.length > 0) return result;
  const columns = columnIndex(table.header);
  const decimalComma = (ctx.mapping.decimalSeparator ?? (table.delimiter === ',' ? '.' : ',')) === ',';
  const priorities = withOverrides(JIRA_PRIORITY_LEVELS, ctx.mapping.levels);
  for (const record of table.records) {
    const where = { row: record.row, line: record.line };
    if (record.problem !== undefined) {
      result.errors.push({ ...where, message: record.problem });
      continue;
    }
    const all = (...names: string[]): string[] =>
      names.flatMap((name) => (columns.get(name) ?? []).map((i) => (record.cells[i] ?? '').trim()).filter((v) => v !== ''));
    const one = (...names: string[]): string | undefined => all(...names)[0];
    try {
      result.drafts.push(readRow(ctx, where, { all, one }, decimalComma, priorities));
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      result.errors.push({ ...where, message: error.message });
    }
  }
  ctx.notes.once(
    `Jira has no likelihood or interest: likelihood is ${String(ctx.defaultLikelihood)}, interest 0, and impact follows Priority. Issues without an estimate get effort 0, tagged “${EFFORT_UNKNOWN_TAG}”.`,
  );
  return result;
}

interface Cells {
  all(...names: string[]): string[];
  one(...names: string[]): string | undefined;
}

function statusOfRow(cells: Cells): Status {
  const resolution = cells.one('resolution');
  if (resolution !== undefined) {
    return WONT_FIX_RESOLUTIONS.has(resolution.toLowerCase().replace(/[\u2018\u2019]/g, "'")) ? 'wont_fix' : 'paid';
  }
  const category = cells.one('statuscategory')?.toLowerCase();
  if (category === 'in progress') return 'in_progress';
  const status = statusOf(cells.one('status') ?? '');
  return status === 'in_progress' || status === 'planned' ? status : 'open';
}

function effortOf(ctx: ParseContext, cells: Cells, decimalComma: boolean): DebtItemDraftInput['effort'] | null {
  const pointsText = cells.one('customfieldstorypoints', 'customfieldstorypointestimate', 'storypoints', 'storypointestimate');
  if (pointsText !== undefined) {
    const points = parseDecimal(pointsText, decimalComma);
    if (points === null) throw new RowProblem(`Story points “${pointsText}” is not a number.`);
    const value = pointsToUnit(ctx, points, 'Jira');
    return { low: value, likely: value, high: value };
  }
  const secondsText = cells.one('originalestimate');
  if (secondsText === undefined) return null;
  const seconds = parseDecimal(secondsText, false);
  if (seconds === null) throw new RowProblem(`Original estimate “${secondsText}” is not a number of seconds.`);
  const value = hoursToUnit(ctx, seconds / 3600, 'Jira (Original estimate)');
  return { low: value, likely: value, high: value };
}

function readRow(
  ctx: ParseContext,
  where: { row: number; line: number },
  cells: Cells,
  decimalComma: boolean,
  priorities: ReturnType<typeof withOverrides>,
): ImportDraft {
  const key = cells.one('issuekey');
  if (key === undefined) throw new RowProblem('The Issue key is empty; every Jira issue has one.');
  const summary = cells.one('summary');
  if (summary === undefined) throw new RowProblem(`${key} has no Summary; every item needs a title.`);
  const labels = cells.all('labels');
  const components = cells.all('components');
  const fromSource: DraftField[] = ['title', 'description', 'owner', 'tags', 'area', 'status'];
  const effort = effortOf(ctx, cells, decimalComma);
  const draft: DebtItemDraftInput = {
    title: fitTitle(ctx, where, summary),
    description: fitDescription(ctx, where, cells.one('description') ?? ''),
    owner: fitShort(ctx, where, 'Owner', cells.one('assignee') ?? ''),
    area: fitShort(ctx, where, 'Area', components.join(', ')),
    status: statusOfRow(cells),
    likelihood: ctx.defaultLikelihood,
    impact: ctx.defaultImpact,
    effort: effort ?? { ...UNKNOWN_EFFORT },
    interest: 0,
    tags: [...fitTags(ctx, where, labels), ...(effort === null ? [EFFORT_UNKNOWN_TAG] : [])],
  };
  if (effort !== null) fromSource.push('effort');
  const priority = cells.one('priority');
  if (priority !== undefined) {
    const level = levelOf(priority, priorities) ?? levelOf(priority.split(/[\s:-]+/)[0] ?? '', priorities);
    if (level === null) {
      ctx.notes.at(where, `Priority not on the 1–5 scale, impact set to ${String(ctx.defaultImpact)} (add it to the mapping's levels)`);
    } else {
      draft.impact = level;
      fromSource.push('impact');
    }
  }
  const kind = kindFromWords([...labels, ...components]);
  if (kind !== null) {
    draft.kind = kind;
    fromSource.push('kind');
  }
  const dueText = cells.one('duedate');
  if (dueText !== undefined) {
    const due = parseJiraDate(dueText);
    if (due === null) throw new RowProblem(`Due date “${dueText}” is not a Jira date such as 31/May/24 12:00 AM.`);
    draft.dueDate = due.date;
    fromSource.push('dueDate');
  }
  const base = ctx.mapping.jiraBaseUrl?.replace(/\/+$/, '');
  const externalRef: ExternalRef =
    base === undefined ? { source: 'jira', key } : { source: 'jira', key, url: `${base}/browse/${encodeURIComponent(key)}` };
  return { ...where, draft: { ...draft, externalRef }, fromSource };
}
