import type { ZodError } from 'zod';
import { DebtItemDraft } from '../domain/debt-item.js';
import type { ImportIssue } from './import-schema.js';
import { finishSteps, type ImportSteps } from './import-progress.js';
import { describeLocation, issueAt, type DraftField, type ImportLocation, type ImportSkip, type ParsedImport } from './parsed-import.js';
import { plainDraft } from './plain-draft.js';
import { sameDraft } from './reimport-merge.js';

/** A record that passed the item schema, ready for the store. */
export interface ValidDraft {
  readonly where: ImportLocation;
  readonly draft: DebtItemDraft;
  readonly source: string;
  readonly key: string;
  readonly fromSource: ReadonlySet<DraftField>;
}

export interface ValidatedImport {
  readonly valid: ValidDraft[];
  readonly errors: ImportIssue[];
  readonly skipped: ImportSkip[];
}

/** Zod's messages for one draft in one sentence; they already name the field ("Likelihood must be from 1 to 5."). */
function describeDraftIssues(error: ZodError): string {
  const messages = [...new Set(error.issues.map((issue) => issue.message))];
  return messages.join(' ');
}

/**
 * Checks every draft against the item schema, and that no two records claim the same external key:
 * an exact repeat (an issue on two overlapping pages) is skipped, a different record with the same
 * key is an error, since one of the two would silently win.
 */
export function validateDrafts(parsed: ParsedImport): ValidatedImport {
  return finishSteps(validateDraftsSteps(parsed));
}

/** Records are checked in steps of this many, each reporting how many are done. */
const STEP_RECORDS = 2000;

/** `validateDrafts` in steps. */
export function* validateDraftsSteps(parsed: ParsedImport): ImportSteps<ValidatedImport> {
  const valid: ValidDraft[] = [];
  const errors: ImportIssue[] = [...parsed.errors];
  const skipped: ImportSkip[] = [...parsed.skipped];
  /** Source → key → the first record with it. */
  const byKey = new Map<string, Map<string, ValidDraft>>();
  // Most records of a file supply the same fields, so they share one set.
  const fieldSets = new Map<string, ReadonlySet<DraftField>>();
  const fieldSetOf = (fields: readonly DraftField[]): ReadonlySet<DraftField> => {
    const id = fields.join(' ');
    let set = fieldSets.get(id);
    if (set === undefined) {
      set = new Set(fields);
      fieldSets.set(id, set);
    }
    return set;
  };
  const total = parsed.drafts.length;
  for (let index = 0; index < total; index += 1) {
    if (index > 0 && index % STEP_RECORDS === 0) yield { phase: 'checking', done: index, total };
    const entry = parsed.drafts[index];
    if (entry === undefined) break;
    const where: ImportLocation = { row: entry.row, line: entry.line, path: entry.path };
    let draft = plainDraft(entry.draft);
    if (draft === null) {
      const checked = DebtItemDraft.safeParse(entry.draft);
      if (!checked.success) {
        errors.push(issueAt(where, describeDraftIssues(checked.error)));
        continue;
      }
      draft = checked.data;
    }
    const { source, key } = entry.draft.externalRef;
    const candidate: ValidDraft = { where, draft, source, key, fromSource: fieldSetOf(entry.fromSource) };
    let keys = byKey.get(source);
    if (keys === undefined) {
      keys = new Map();
      byKey.set(source, keys);
    }
    const earlier = keys.get(key);
    if (earlier === undefined) {
      keys.set(key, candidate);
      valid.push(candidate);
    } else if (sameDraft(earlier.draft, candidate.draft)) {
      skipped.push({ ...where, reason: `repeats ${describeLocation(earlier.where)} exactly` });
    } else {
      errors.push(
        issueAt(where, `Has the same key “${key}” as ${describeLocation(earlier.where)} but different content; give each record its own key.`),
      );
    }
  }
  // Problems found while parsing and while validating, in file order: whole-file problems first.
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { valid, errors, skipped };
}
