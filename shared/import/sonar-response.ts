import type { Kind, Status } from '../domain/debt-item.js';
import { wholeNumberFrom } from './cell-values.js';
import type { ImportIssue } from './import-schema.js';
import { isObject, own, ownArray, ownObject, ownString, type JsonObject } from './json-values.js';
import type { Level } from './level-scales.js';
import type { ParseContext } from './parse-context.js';
import type { ImportLocation, ImportSkip } from './parsed-import.js';
import { sonarImpact, sonarKind, sonarLikelihood, sonarMinutes, sonarStatus } from './sonar-rules.js';

/** One SonarQube issue, read and checked, before it becomes an item of its own or part of a group. */
export interface SonarIssue {
  readonly where: ImportLocation;
  readonly key: string;
  readonly rule: string;
  readonly projectKey: string;
  /** The project's name from `components` (its TRK entry), else its key: the item's area. */
  readonly project: string;
  readonly file: string;
  readonly line: number | null;
  readonly message: string;
  readonly minutes: number | null;
  readonly status: Status;
  readonly resolution: string | undefined;
  readonly likelihood: Level;
  readonly impact: Level;
  readonly kind: Kind;
  readonly type: string;
  readonly severity: string;
  readonly tags: readonly string[];
  readonly assignee: string | undefined;
}

interface Envelope {
  readonly pages: { page: JsonObject; prefix: string }[];
  readonly errors: ImportIssue[];
}

/** The response pages in the file: one object, several objects one after another, or an array of them. */
function pagesOf(documents: readonly unknown[]): Envelope {
  const pages: { page: JsonObject; prefix: string }[] = [];
  const errors: ImportIssue[] = [];
  const many = documents.length > 1 || documents.some(Array.isArray);
  let n = 0;
  for (const doc of documents) {
    for (const page of Array.isArray(doc) ? doc : [doc]) {
      n += 1;
      const prefix = many ? `page ${String(n)} ` : '';
      if (!isObject(page)) {
        errors.push({ path: prefix.trim() || '(top)', message: 'This is not a SonarQube response object.' });
        continue;
      }
      const failures = ownArray(page, 'errors');
      if (failures !== undefined) {
        const said = failures.flatMap((f) => (isObject(f) && typeof own(f, 'msg') === 'string' ? [String(own(f, 'msg'))] : []));
        errors.push({
          path: `${prefix}errors`,
          message: `SonarQube answered with an error instead of issues: “${said.join('; ') || 'no message'}”. Check the token's permissions (Browse on the project) and export again.`,
        });
        continue;
      }
      if (ownArray(page, 'issues') === undefined) {
        const present = Object.keys(page).slice(0, 6).join(', ');
        errors.push({
          path: `${prefix}issues`,
          message: `This is not a SonarQube issues response: it has no “issues” list (it has ${present || 'nothing'}). Export it from api/issues/search.`,
        });
        continue;
      }
      pages.push({ page, prefix });
    }
  }
  return { pages, errors };
}

/** A whole number that may be written as text ("57"); refused, naming the field, when it is neither. */
function wholeNumber(object: JsonObject, key: string, path: string, ctx: ParseContext, errors: ImportIssue[]): number | null {
  const value = own(object, key);
  if (value === undefined || value === null) return null;
  const n = wholeNumberFrom(value);
  if (n === null) {
    errors.push({ path, message: `“${key}” should be a whole number, not ${JSON.stringify(value).slice(0, 40)}.` });
    return null;
  }
  if (typeof value === 'string') ctx.notes.once('Some numbers were written as text (e.g. "57"); each was read strictly as a whole number.');
  return n;
}

function readIssue(
  issue: JsonObject,
  path: string,
  ctx: ParseContext,
  components: ReadonlyMap<string, { path?: string; name?: string }>,
  errors: ImportIssue[],
): SonarIssue | null {
  const key = ownString(issue, 'key');
  if (key === undefined || key.trim() === '') {
    errors.push({ path: `${path}.key`, message: 'The issue has no key.' });
    return null;
  }
  const where = { path: `${path} (${key})` };
  const message = ownString(issue, 'message');
  if (message === undefined || message.trim() === '') {
    errors.push({ ...where, message: 'The issue has no message to use as a title.' });
    return null;
  }
  const state = sonarStatus(issue);
  if (state === null) {
    errors.push({ ...where, message: `The status “${String(own(issue, 'status'))}” is not a SonarQube issue status.` });
    return null;
  }
  const effortText = ownString(issue, 'effort') ?? ownString(issue, 'debt');
  const minutes = effortText === undefined ? null : sonarMinutes(effortText, ctx.hoursPerDay);
  if (effortText !== undefined && minutes === null) {
    errors.push({ ...where, message: `The effort “${effortText}” is not a SonarQube duration such as 30min, 1h 5min or 2d 1h.` });
    return null;
  }
  const before = errors.length;
  const line = wholeNumber(issue, 'line', `${path}.line`, ctx, errors);
  if (errors.length > before) return null;
  const component = ownString(issue, 'component') ?? '';
  const project = ownString(issue, 'project') ?? component.split(':', 1)[0] ?? '';
  const known = components.get(component);
  const file = known?.path ?? (component.startsWith(`${project}:`) ? component.slice(project.length + 1) : component);
  const type = ownString(issue, 'type') ?? '';
  return {
    where,
    key,
    rule: ownString(issue, 'rule') ?? '',
    projectKey: project,
    project: components.get(project)?.name ?? project,
    file,
    line,
    message,
    minutes,
    status: state.status,
    resolution: state.resolution,
    likelihood: sonarLikelihood(issue) ?? ctx.defaultLikelihood,
    impact: sonarImpact(issue, ctx.mapping.levels) ?? ctx.defaultImpact,
    kind: sonarKind(issue),
    type,
    severity: ownString(issue, 'severity') ?? '',
    tags: (ownArray(issue, 'tags') ?? []).filter((t): t is string => typeof t === 'string'),
    assignee: ownString(issue, 'assignee'),
  };
}

function componentsOf(pages: readonly { page: JsonObject }[]): Map<string, { path?: string; name?: string }> {
  const map = new Map<string, { path?: string; name?: string }>();
  for (const { page } of pages) {
    for (const c of ownArray(page, 'components') ?? []) {
      if (!isObject(c)) continue;
      const key = ownString(c, 'key');
      if (key === undefined) continue;
      const entry: { path?: string; name?: string } = {};
      const path = ownString(c, 'path');
      const name = ownString(c, 'name');
      if (path !== undefined) entry.path = path;
      if (name !== undefined) entry.name = name;
      map.set(key, entry);
    }
  }
  return map;
}


export interface SonarResponse {
  readonly issues: SonarIssue[];
  readonly skipped: ImportSkip[];
  readonly errors: ImportIssue[];
  /** `total` of the first page: how many issues SonarQube matched, whatever the file holds. */
  readonly reported: number | null;
  /** `effortTotal` (minutes) of a single-page file, to check the issues against. */
  readonly effortTotal: number | null;
}

/** Reads the pages of an `api/issues/search` response into checked issues, one per key. */
export function readSonarResponse(documents: readonly unknown[], ctx: ParseContext): SonarResponse {
  const { pages, errors } = pagesOf(documents);
  const issues: SonarIssue[] = [];
  const skipped: ImportSkip[] = [];
  let reported: number | null = null;
  let effortTotal: number | null = null;
  const components = componentsOf(pages);
  const seen = new Set<string>();
  for (const { page, prefix } of pages) {
    const paging = ownObject(page, 'paging');
    const total =
      wholeNumber(page, 'total', `${prefix}total`, ctx, errors) ??
      (paging === undefined ? null : wholeNumber(paging, 'total', `${prefix}paging.total`, ctx, errors));
    reported ??= total;
    if (pages.length === 1) effortTotal = wholeNumber(page, 'effortTotal', `${prefix}effortTotal`, ctx, errors);
    (ownArray(page, 'issues') ?? []).forEach((raw, i) => {
      const path = `${prefix}issues[${String(i)}]`;
      if (!isObject(raw)) {
        errors.push({ path, message: 'This entry is not an issue object.' });
        return;
      }
      const issue = readIssue(raw, path, ctx, components, errors);
      if (issue === null) return;
      if (seen.has(issue.key)) {
        skipped.push({ ...issue.where, reason: 'the same issue appears on an earlier page' });
        return;
      }
      seen.add(issue.key);
      issues.push(issue);
    });
  }
  return { issues, skipped, errors, reported, effortTotal };
}
