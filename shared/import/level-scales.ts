/**
 * Words on Paydown's 1–5 scales (likelihood and impact). The rules, which a mapping's `levels` can
 * extend or override word by word:
 *
 * - Numbers 1–5 are themselves.
 * - Generic words (spreadsheets, GitHub `priority: …` labels): very high / highest / critical / blocker /
 *   severe / almost certain = 5; high / major / likely = 4; medium / moderate / normal / possible = 3;
 *   low / minor / unlikely = 2; very low / lowest / trivial / negligible / rare / info = 1; H/M/L = 4/3/2.
 * - Jira priorities: Highest 5, High 4, Medium 3, Low 2, Lowest 1; the older five-step scheme
 *   Blocker 5, Critical 4, Major 3, Minor 2, Trivial 1 (there, Critical sits below Blocker).
 * - SonarQube severities: BLOCKER 5, CRITICAL 4, MAJOR 3, MINOR 2, INFO 1; impact severities
 *   (SonarQube 10.2+): BLOCKER 5, HIGH 4, MEDIUM 3, LOW 2, INFO 1.
 */
export type Level = 1 | 2 | 3 | 4 | 5;
export type LevelTable = ReadonlyMap<string, Level>;

const table = (entries: [Level, string[]][]): LevelTable =>
  new Map(entries.flatMap(([level, words]) => words.map((word): [string, Level] => [word, level])));

export const GENERIC_LEVELS = table([
  [5, ['very high', 'highest', 'critical', 'blocker', 'severe', 'almost certain', 'vh']],
  [4, ['high', 'major', 'likely', 'h']],
  [3, ['medium', 'moderate', 'normal', 'possible', 'med', 'm']],
  [2, ['low', 'minor', 'unlikely', 'l']],
  [1, ['very low', 'lowest', 'trivial', 'negligible', 'rare', 'info', 'vl']],
]);

export const JIRA_PRIORITY_LEVELS = table([
  [5, ['highest', 'blocker']],
  [4, ['high', 'critical']],
  [3, ['medium', 'major']],
  [2, ['low', 'minor']],
  [1, ['lowest', 'trivial']],
]);

export const SONAR_SEVERITY_LEVELS = table([
  [5, ['blocker']],
  [4, ['critical', 'high']],
  [3, ['major', 'medium']],
  [2, ['minor', 'low']],
  [1, ['info']],
]);

/** Case, spaces, hyphens and underscores do not matter: "Very_High" is "very high". */
export function levelKey(word: string): string {
  return word.trim().toLowerCase().replace(/[\s_-]+/g, ' ').replace(/[\u2018\u2019]/g, "'");
}

/** A table with the mapping's own words laid over the built-in ones. */
export function withOverrides(base: LevelTable, overrides: Readonly<Record<string, number>> | undefined): LevelTable {
  if (overrides === undefined) return base;
  const merged = new Map(base);
  for (const [word, level] of Object.entries(overrides)) {
    if (level === 1 || level === 2 || level === 3 || level === 4 || level === 5) merged.set(levelKey(word), level);
  }
  return merged;
}

/** The level a cell or label names: a digit 1–5 or a word in `levels`; null when it names none. */
export function levelOf(text: string, levels: LevelTable): Level | null {
  const key = levelKey(text);
  if (/^[1-5](\.0+)?$/.test(key)) return Number(key) as Level; // the pattern admits only 1–5
  return levels.get(key) ?? null;
}

/** The words a person may write, for error messages: "1–5 or Very high, High, Medium, Low, Very low". */
export function levelHint(levels: LevelTable): string {
  const byLevel = new Map<Level, string>();
  for (const [word, level] of levels) if (!byLevel.has(level) && word.length > 2) byLevel.set(level, word);
  const words = ([5, 4, 3, 2, 1] as const).flatMap((level) => {
    const word = byLevel.get(level);
    return word === undefined ? [] : [word.charAt(0).toUpperCase() + word.slice(1)];
  });
  return `a whole number from 1 to 5, or one of ${words.join(', ')}`;
}
