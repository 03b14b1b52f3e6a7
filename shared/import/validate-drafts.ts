import type { ZodError } from 'zod';
import { DebtItemDraft } from '../domain/debt-item.js';
import type { ImportIssue } from './import-schema.js';
import { describeLocation, issueAt, type DraftField, type ImportLocation, type ImportSkip, type ParsedImport } from './parsed-import.js';
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
  const valid: ValidDraft[] = [];
  const errors: ImportIssue[] = [...parsed.errors];
  const skipped: ImportSkip[] = [...parsed.skipped];
  const byKey = new Map<string, ValidDraft>();
  for (const entry of parsed.drafts) {
    const where: ImportLocation = { row: entry.row, line: entry.line, path: entry.path };
    const checked = DebtItemDraft.safeParse(entry.draft);
    if (!checked.success) {
      errors.push(issueAt(where, describeDraftIssues(checked.error)));
      continue;
    }
    const { source, key } = entry.draft.externalRef;
    const candidate: ValidDraft = { where, draft: checked.data, source, key, fromSource: new Set(entry.fromSource) };
    const mapKey = `${source}\u0000${key}`;
    const earlier = byKey.get(mapKey);
    if (earlier === undefined) {
      byKey.set(mapKey, candidate);
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
