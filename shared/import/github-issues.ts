import type { DebtItemDraftInput, Status } from '../domain/debt-item.js';
import { parseIsoDate } from './cell-values.js';
import { levelOf, type Level, type LevelTable } from './level-scales.js';
import { isObject, own, ownArray, ownObject, ownString, type JsonObject } from './json-values.js';
import { fitDescription, fitShort, fitTags, fitTitle, UNKNOWN_EFFORT, type ParseContext } from './parse-context.js';
import { type DraftField, type ImportLocation, type ParsedImport } from './parsed-import.js';
import { EFFORT_UNKNOWN_TAG } from '../domain/effort-estimate.js';
import { kindFromWords } from './status-kind-words.js';

/**
 * GitHub issues, as `gh issue list --json …` prints them (camelCase, `state` OPEN/CLOSED, `url`) or
 * as the REST API lists them (`html_url`, `state` open/closed, `pull_request` on pull requests, and
 * `{ items: [...] }` from the search API). The key is the issue's web address, which both shapes
 * share and which stays exact where a number beyond 2^53 would be rounded by JSON.parse.
 *
 * Rules: no estimate exists, so effort is unknown (0, tagged); likelihood is the default (3); impact
 * comes from a `priority: high` / `priority/high` / `P0`–`P4` label (P0 = 5), else the default; labels
 * become tags, `area/x` or `area: x` sets the area, a label naming a kind (`security`, `flaky`, `docs`…)
 * sets the kind; assignees (name, else login) are the owner; a milestone's due date is the due date;
 * CLOSED is paid, or won't fix when closed as "not planned"; pull requests are skipped.
 */

const PRIORITY_LABEL = /^(?:priority|prio|severity|impact)\s*[:/-]\s*(.+)$/i;
const P_LABEL = /^p([0-4])$/i;
const AREA_LABEL = /^(?:area|component|team)\s*[:/]\s*(.+)$/i;

function impactFromLabels(labels: readonly string[], levels: LevelTable): Level | null {
  for (const label of labels) {
    const p = P_LABEL.exec(label.trim());
    if (p?.[1] !== undefined) return (5 - Number(p[1])) as Level; // P0–P4 → 5–1
    const named = PRIORITY_LABEL.exec(label.trim());
    if (named?.[1] !== undefined) {
      const level = levelOf(named[1], levels);
      if (level !== null) return level;
    }
  }
  return null;
}

function labelNames(issue: JsonObject): string[] {
  return (ownArray(issue, 'labels') ?? []).flatMap((label) => {
    if (typeof label === 'string') return [label];
    const name = isObject(label) ? ownString(label, 'name') : undefined;
    return name === undefined ? [] : [name];
  });
}

function assigneeNames(issue: JsonObject): string[] {
  const people = ownArray(issue, 'assignees') ?? [];
  const single = ownObject(issue, 'assignee');
  const all = people.length === 0 && single !== undefined ? [single] : people;
  return all.flatMap((person) => {
    if (!isObject(person)) return [];
    const name = ownString(person, 'name')?.trim();
    const login = ownString(person, 'login')?.trim();
    const shown = name !== undefined && name !== '' ? name : login;
    return shown === undefined || shown === '' ? [] : [shown];
  });
}

function statusOfIssue(issue: JsonObject): Status | null {
  const state = ownString(issue, 'state')?.toLowerCase();
  if (state === 'open') return 'open';
  if (state !== 'closed') return null;
  const reason = (ownString(issue, 'stateReason') ?? ownString(issue, 'state_reason'))?.toLowerCase();
  return reason === 'not_planned' ? 'wont_fix' : 'paid';
}

function dueDateOf(issue: JsonObject): string | undefined {
  const milestone = ownObject(issue, 'milestone');
  if (milestone === undefined) return undefined;
  const due = ownString(milestone, 'dueOn') ?? ownString(milestone, 'due_on');
  return due === undefined ? undefined : (parseIsoDate(due) ?? undefined);
}

/** The issue number as exact digits: from `url` when JSON.parse may have rounded it. */
function numberOf(issue: JsonObject, url: string | undefined): string | null {
  const fromUrl = url === undefined ? undefined : /\/(\d+)\/?$/.exec(url)?.[1];
  const value = own(issue, 'number');
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return fromUrl ?? null;
}

/** The issues in each document: arrays as they are, the search API's `{ items }`. */
function issueLists(documents: readonly unknown[]): { list: readonly unknown[]; prefix: string }[] | null {
  const lists = documents.map((doc, d) => {
    const prefix = documents.length > 1 ? `document ${String(d + 1)} ` : '';
    if (Array.isArray(doc)) return { list: doc, prefix };
    const items = isObject(doc) ? ownArray(doc, 'items') : undefined;
    return items === undefined ? null : { list: items, prefix: `${prefix}items` };
  });
  return lists.every((l) => l !== null) ? lists : null;
}

export function parseGithubIssues(documents: readonly unknown[], ctx: ParseContext): ParsedImport {
  const result: ParsedImport = { format: 'github', drafts: [], skipped: [], errors: [], notes: [] };
  const lists = issueLists(documents);
  if (lists === null) {
    result.errors.push({
      message:
        'This is not a list of GitHub issues: expected a JSON array, as `gh issue list --json number,title,body,labels,state,url,assignees,milestone` or the REST API prints it.',
    });
    return result;
  }
  for (const { list, prefix } of lists) {
    list.forEach((issue, i) => {
      const path = `${prefix}[${String(i)}]`;
      if (!isObject(issue)) {
        result.errors.push({ path, message: 'This entry is not an issue object.' });
        return;
      }
      readIssue(issue, path, ctx, result);
    });
  }
  if (result.drafts.length + result.skipped.length + result.errors.length === 0) {
    result.errors.push({ message: 'The list of issues is empty: there is nothing to import.' });
  }
  if (result.drafts.length > 0) {
    ctx.notes.once(
      `GitHub issues carry no estimate or interest: effort is 0 and tagged “${EFFORT_UNKNOWN_TAG}”, interest 0, likelihood ${String(ctx.defaultLikelihood)}; impact comes from priority labels where present. Estimate them in Paydown.`,
    );
  }
  if (result.skipped.length > 0) ctx.notes.once(`${String(result.skipped.length)} pull requests were skipped.`);
  return result;
}

function readIssue(issue: JsonObject, path: string, ctx: ParseContext, result: ParsedImport): void {
  const url = ownString(issue, 'html_url') ?? ownString(issue, 'url');
  const number = numberOf(issue, url);
  const where: ImportLocation = { path: number === null ? path : `${path} (#${number})` };
  if (own(issue, 'pull_request') !== undefined || url?.includes('/pull/') === true) {
    result.skipped.push({ ...where, reason: 'a pull request, not an issue' });
    return;
  }
  if (url === undefined) {
    const raw = own(issue, 'number');
    const unsafe = typeof raw === 'number' && !Number.isSafeInteger(raw);
    result.errors.push({
      path: `${path}.url`,
      message: unsafe
        ? `The issue number ${String(raw)} is beyond 2^53, so JSON rounding may have changed it, and there is no url to read it exactly. Export with the url field.`
        : 'The issue has no url; Paydown keys GitHub issues by their web address. Export with the url field.',
    });
    return;
  }
  const titleText = ownString(issue, 'title');
  if (titleText === undefined || titleText.trim() === '') {
    result.errors.push({ path: `${path}.title`, message: 'The issue has no title.' });
    return;
  }
  const status = statusOfIssue(issue);
  if (status === null) {
    result.errors.push({ path: `${path}.state`, message: `The state “${String(own(issue, 'state'))}” is neither open nor closed.` });
    return;
  }
  const rawNumber = own(issue, 'number');
  if (typeof rawNumber === 'number' && !Number.isSafeInteger(rawNumber)) {
    ctx.notes.at(where, 'Issue number beyond 2^53, which JSON rounds: read exactly from its url');
  }
  const labels = labelNames(issue);
  const fromSource: DraftField[] = ['title', 'description', 'owner', 'tags', 'status'];
  const draft: DebtItemDraftInput = {
    title: fitTitle(ctx, where, titleText),
    description: fitDescription(ctx, where, ownString(issue, 'body') ?? ''),
    owner: fitShort(ctx, where, 'Owner', assigneeNames(issue).join(', ')),
    status,
    likelihood: ctx.defaultLikelihood,
    impact: ctx.defaultImpact,
    effort: { ...UNKNOWN_EFFORT },
    interest: 0,
    tags: [...fitTags(ctx, where, labels), EFFORT_UNKNOWN_TAG],
  };
  const impact = impactFromLabels(labels, ctx.levels);
  if (impact !== null) {
    draft.impact = impact;
    fromSource.push('impact');
  }
  const kind = kindFromWords(labels);
  if (kind !== null) {
    draft.kind = kind;
    fromSource.push('kind');
  }
  const area = labels.map((label) => AREA_LABEL.exec(label.trim())?.[1]).find((a) => a !== undefined);
  if (area !== undefined) {
    draft.area = fitShort(ctx, where, 'Area', area);
    fromSource.push('area');
  }
  // Without a milestone due date the issue says nothing about timing: a due date set in Paydown stays.
  const due = dueDateOf(issue);
  if (due !== undefined) {
    draft.dueDate = due;
    fromSource.push('dueDate');
  }
  result.drafts.push({ ...where, draft: { ...draft, externalRef: { source: 'github', key: url, url } }, fromSource });
}
