import type { DebtItemDraftInput, ExternalRef } from '../domain/debt-item.js';
import { cutText } from './cell-values.js';
import { fitDescription, fitShort, fitTags, fitTitle, hoursToUnit, UNKNOWN_EFFORT, type ParseContext } from './parse-context.js';
import { type DraftField, type ImportDraft, type ParsedImport } from './parsed-import.js';
import { EFFORT_UNKNOWN_TAG } from '../domain/effort-estimate.js';
import { readSonarResponse, type SonarIssue, type SonarResponse } from './sonar-response.js';

function issueUrl(ctx: ParseContext, project: string, key: string): string | undefined {
  const base = ctx.mapping.sonarBaseUrl?.replace(/\/+$/, '');
  return base === undefined ? undefined : `${base}/project/issues?id=${encodeURIComponent(project)}&open=${encodeURIComponent(key)}`;
}

const place = (issue: SonarIssue): string => (issue.line === null ? issue.file : `${issue.file}:${String(issue.line)}`);

function effortOf(ctx: ParseContext, minutes: number | null): DebtItemDraftInput['effort'] | null {
  if (minutes === null) return null;
  const value = hoursToUnit(ctx, minutes / 60, 'SonarQube');
  return { low: value, likely: value, high: value };
}

function issueDraft(ctx: ParseContext, issue: SonarIssue): ImportDraft {
  const effort = effortOf(ctx, issue.minutes);
  const fromSource: DraftField[] = ['title', 'description', 'kind', 'status', 'likelihood', 'impact', 'tags', 'area', 'owner'];
  const draft: DebtItemDraftInput = {
    title: fitTitle(ctx, issue.where, issue.message),
    description: fitDescription(
      ctx,
      issue.where,
      `${issue.message}\n\nRule ${issue.rule} (${issue.type || 'issue'}, severity ${issue.severity || 'unknown'}) in ${place(issue)}.`,
    ),
    kind: issue.kind,
    status: issue.status,
    likelihood: issue.likelihood,
    impact: issue.impact,
    area: fitShort(ctx, issue.where, 'Area', issue.project),
    owner: fitShort(ctx, issue.where, 'Owner', issue.assignee ?? ''),
    effort: effort ?? { ...UNKNOWN_EFFORT },
    interest: 0,
    tags: [...fitTags(ctx, issue.where, issue.tags), ...(effort === null ? [EFFORT_UNKNOWN_TAG] : [])],
  };
  if (effort !== null) fromSource.push('effort');
  if (issue.status === 'accepted') {
    draft.acceptance = {
      rationale: `Accepted in SonarQube (${issue.resolution ?? 'ACCEPTED'}); the reason was not exported with the issue.`,
    };
    fromSource.push('acceptance');
  }
  const url = issueUrl(ctx, issue.projectKey, issue.key);
  const externalRef: ExternalRef = url === undefined ? { source: 'sonarqube', key: issue.key } : { source: 'sonarqube', key: issue.key, url };
  return { ...issue.where, draft: { ...draft, externalRef }, fromSource };
}

/** One item per rule and file: efforts add up, the worst likelihood and impact win; only open issues are grouped. */
function groupDraft(ctx: ParseContext, group: readonly SonarIssue[]): ImportDraft {
  const [first, ...others] = group;
  if (first === undefined) throw new Error('empty group');
  const known = group.flatMap((i) => (i.minutes === null ? [] : [i.minutes]));
  const where = { path: `${first.where.path ?? ''}${others.length > 0 ? ` and ${String(others.length)} more` : ''}` };
  const effort = effortOf(ctx, known.length === 0 ? null : known.reduce((a, b) => a + b, 0));
  if (effort !== null && known.length < group.length) ctx.notes.at(where, 'Some issues of a group have no effort; the group counts only the known ones');
  const title = group.length === 1 ? first.message : `${first.rule}: ${String(group.length)} issues in ${first.file}`;
  const lines = group.map((i) => `- ${i.line === null ? '' : `line ${String(i.line)}: `}${i.message}`).join('\n');
  const key = `${first.rule}|${first.file}`;
  const draft: DebtItemDraftInput = {
    title: fitTitle(ctx, where, title),
    description: fitDescription(ctx, where, `Rule ${first.rule} in ${first.file}:\n${lines}`),
    kind: group.some((i) => i.kind === 'security') ? 'security' : first.kind,
    status: 'open',
    likelihood: Math.max(...group.map((i) => i.likelihood)),
    impact: Math.max(...group.map((i) => i.impact)),
    area: fitShort(ctx, where, 'Area', first.project),
    effort: effort ?? { ...UNKNOWN_EFFORT },
    interest: 0,
    tags: [...fitTags(ctx, where, [...new Set(group.flatMap((i) => i.tags))]), ...(effort === null ? [EFFORT_UNKNOWN_TAG] : [])],
  };
  const fromSource: DraftField[] = ['title', 'description', 'kind', 'status', 'likelihood', 'impact', 'tags', 'area'];
  if (effort !== null) fromSource.push('effort');
  const externalRef: ExternalRef = { source: 'sonarqube', key: key.length <= 200 ? key : cutText(key, 200) };
  return { ...where, draft: { ...draft, externalRef }, fromSource };
}

/** SonarQube `api/issues/search` responses: one page or several, with the rules of sonar-rules.ts. */
export function parseSonarIssues(documents: readonly unknown[], ctx: ParseContext): ParsedImport {
  const response = readSonarResponse(documents, ctx);
  const result: ParsedImport = { format: 'sonarqube', drafts: [], skipped: response.skipped, errors: response.errors, notes: [] };
  if (result.errors.length > 0) return result;
  if (response.issues.length === 0 && result.skipped.length === 0) {
    result.errors.push({ path: 'issues', message: 'The response lists no issues: there is nothing to import.' });
    return result;
  }
  checkCompleteness(ctx, response);
  if (ctx.mapping.sonarGroupBy === 'rule-component') {
    const groups = new Map<string, SonarIssue[]>();
    for (const issue of response.issues) {
      if (issue.status !== 'open') {
        result.skipped.push({ ...issue.where, reason: 'resolved in SonarQube (only open issues are grouped)' });
        continue;
      }
      const key = `${issue.rule}|${issue.file}`;
      groups.set(key, [...(groups.get(key) ?? []), issue]);
    }
    for (const group of groups.values()) result.drafts.push(groupDraft(ctx, group));
  } else {
    for (const issue of response.issues) result.drafts.push(issueDraft(ctx, issue));
  }
  ctx.notes.once(
    'SonarQube gives no interest: interest is 0; likelihood and impact follow the documented rules (type and severity). Adjust them in Paydown.',
  );
  return result;
}

function checkCompleteness(ctx: ParseContext, { issues, reported, effortTotal }: SonarResponse): void {
  if (reported !== null && reported > issues.length) {
    ctx.notes.once(
      `The file holds ${String(issues.length)} of the ${String(reported)} issues SonarQube reported: fetch every page (p=2, 3, …, or a larger ps) and import them together.${reported > 10_000 ? ' SonarQube returns at most 10,000 issues per search; narrow it (by component or date) to get the rest.' : ''}`,
    );
  }
  const minutes = issues.reduce((sum, i) => sum + (i.minutes ?? 0), 0);
  if (effortTotal !== null && reported === issues.length && effortTotal !== minutes) {
    ctx.notes.once(`SonarQube's effortTotal is ${String(effortTotal)} min, but the issues add up to ${String(minutes)} min.`);
  }
}
