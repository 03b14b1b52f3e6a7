import { FOWLER_QUADRANTS, KINDS, STATUSES, type FowlerQuadrant, type Kind, type Status } from '../domain/debt-item.js';
import { levelKey } from './level-scales.js';

const pairs = <T>(entries: [T, string[]][]): ReadonlyMap<string, T> =>
  new Map(entries.flatMap(([value, words]) => words.map((word): [string, T] => [word, value])));

/** Status words people and tools write, folded like level words ("In_Progress" = "in progress"). */
const STATUS_WORDS = pairs<Status>([
  ['open', ['open', 'new', 'todo', 'to do', 'backlog', 'reopened', 'confirmed']],
  ['planned', ['planned', 'scheduled', 'ready', 'selected for development']],
  ['in_progress', ['in progress', 'doing', 'started', 'in review', 'active']],
  ['paid', ['paid', 'done', 'closed', 'resolved', 'fixed', 'complete', 'completed']],
  ['accepted', ['accepted']],
  ['wont_fix', ["won't fix", 'wont fix', 'wontfix', "won't do", 'wont do', 'rejected', 'declined', 'not planned']],
]);

export function statusOf(text: string): Status | null {
  return STATUS_WORDS.get(levelKey(text)) ?? null;
}

export const STATUS_HINT = STATUSES.join(', ');

/**
 * Kind words: each kind's own name plus the labels and tags teams use for it. Used for a Kind column
 * and, for sources without one, for labels and tags ("flaky" marks a test debt).
 */
const KIND_WORDS = pairs<Kind>([
  ['architecture', ['architecture', 'arch', 'design']],
  ['code', ['code', 'code smell', 'code smells', 'refactoring', 'refactor', 'duplication', 'complexity']],
  ['test', ['test', 'tests', 'testing', 'flaky', 'flaky tests', 'coverage']],
  ['infrastructure', ['infrastructure', 'infra', 'ops', 'ci', 'build', 'devops', 'platform']],
  ['dependency', ['dependency', 'dependencies', 'deps', 'upgrade', 'upgrades', 'runtime', 'outdated']],
  ['documentation', ['documentation', 'docs', 'doc']],
  ['security', ['security', 'vulnerability', 'vulnerabilities', 'secrets', 'auth']],
  ['process', ['process', 'toil', 'manual']],
  ['other', ['other']],
]);

export function kindOf(text: string): Kind | null {
  return KIND_WORDS.get(levelKey(text)) ?? null;
}

/** The first label or tag that names a kind, e.g. `security` or `flaky`; null when none does. */
export function kindFromWords(words: readonly string[]): Kind | null {
  for (const word of words) {
    const kind = kindOf(word.replace(/^(kind|type)\s*[:/]\s*/i, ''));
    if (kind !== null) return kind;
  }
  return null;
}

export const KIND_HINT = KINDS.join(', ');

export function quadrantOf(text: string): FowlerQuadrant | null {
  const key = levelKey(text).replace(/ /g, '-');
  return (FOWLER_QUADRANTS as readonly string[]).includes(key) ? (key as FowlerQuadrant) : null; // checked by includes
}

export const QUADRANT_HINT = FOWLER_QUADRANTS.join(', ');
