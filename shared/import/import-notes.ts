import type { ImportLocation } from './parsed-import.js';
import { describeLocation } from './parsed-import.js';

const EXAMPLES = 5;

/**
 * Collects the notes of one import. A note that repeats (a cut description on 3,000 rows) is kept once
 * with a count and its first few locations, so a large file gives a readable list, not 3,000 lines.
 */
export class NoteLog {
  private readonly groups = new Map<string, { count: number; examples: string[] }>();

  /** A note about the whole file, shown once however often it is added. */
  once(text: string): void {
    if (!this.groups.has(text)) this.groups.set(text, { count: 0, examples: [] });
  }

  /** A note about one record; the same text on other records is counted under it. */
  at(where: ImportLocation, text: string): void {
    let group = this.groups.get(text);
    if (group === undefined) {
      group = { count: 0, examples: [] };
      this.groups.set(text, group);
    }
    group.count += 1;
    const place = describeLocation(where);
    if (group.examples.length < EXAMPLES && place !== '') group.examples.push(place);
  }

  list(): string[] {
    return [...this.groups].map(([text, { count, examples }]) => {
      if (count === 0) return text;
      const more = count > examples.length ? `, and ${String(count - examples.length)} more` : '';
      const records = count === 1 ? '1 record' : `${count.toLocaleString('en-US')} records`;
      return examples.length === 0 ? `${text} (${records})` : `${text} (${records}: ${examples.join(', ')}${more})`;
    });
  }
}
