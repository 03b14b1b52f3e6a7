import { LIMITS } from '../domain/debt-item.js';
import type { Unit } from '../domain/settings.js';
import { cutText } from './cell-values.js';
import type { ImportMapping } from './import-schema.js';
import { NoteLog } from './import-notes.js';
import { GENERIC_LEVELS, withOverrides, type Level, type LevelTable } from './level-scales.js';
import type { ImportLocation } from './parsed-import.js';

const DEFAULT_HOURS_PER_DAY = 8;
const DEFAULT_LEVEL: Level = 3;

/** Everything a parser needs besides the records: the mapping's choices resolved to values, and the notes. */
export interface ParseContext {
  readonly mapping: ImportMapping;
  readonly unit: Unit;
  readonly notes: NoteLog;
  readonly levels: LevelTable;
  readonly defaultLikelihood: Level;
  readonly defaultImpact: Level;
  readonly hoursPerDay: number;
  readonly hoursPerPoint: number;
}

const asLevel = (n: number | undefined): Level =>
  n === 1 || n === 2 || n === 3 || n === 4 || n === 5 ? n : DEFAULT_LEVEL;

export function parseContext(mapping: ImportMapping, unit: Unit): ParseContext {
  const hoursPerDay = mapping.hoursPerDay ?? DEFAULT_HOURS_PER_DAY;
  return {
    mapping,
    unit,
    notes: new NoteLog(),
    levels: withOverrides(GENERIC_LEVELS, mapping.levels),
    defaultLikelihood: asLevel(mapping.defaultLikelihood),
    defaultImpact: asLevel(mapping.defaultImpact),
    hoursPerDay,
    hoursPerPoint: mapping.hoursPerPoint ?? hoursPerDay,
  };
}

/** A time in hours, in the portfolio's unit; notes once how it was converted. */
export function hoursToUnit(ctx: ParseContext, hours: number, source: string): number {
  if (ctx.unit === 'hours') return hours;
  if (ctx.unit === 'days') {
    ctx.notes.once(`${source} gives effort as time; converted to days of ${String(ctx.hoursPerDay)} hours (set hoursPerDay in the mapping to change this).`);
    return hours / ctx.hoursPerDay;
  }
  ctx.notes.once(
    `${source} gives effort as time; converted to points at ${String(ctx.hoursPerPoint)} hours per point (set hoursPerPoint in the mapping to change this).`,
  );
  return hours / ctx.hoursPerPoint;
}

/** Story points in the portfolio's unit; notes once how they were converted. */
export function pointsToUnit(ctx: ParseContext, points: number, source: string): number {
  if (ctx.unit === 'points') return points;
  const hours = points * ctx.hoursPerPoint;
  ctx.notes.once(
    `${source} gives story points; converted to ${ctx.unit} at ${String(ctx.hoursPerPoint)} hours per point (set hoursPerPoint in the mapping to change this).`,
  );
  return ctx.unit === 'hours' ? hours : hours / ctx.hoursPerDay;
}

/** The schema's limits, applied by cutting with a note rather than refusing a whole file for one long cell. */
export function fitTitle(ctx: ParseContext, where: ImportLocation, text: string): string {
  const title = text.trim();
  if (title.length <= LIMITS.title) return title;
  ctx.notes.at(where, `Title longer than ${String(LIMITS.title)} characters, cut to fit`);
  return cutText(title, LIMITS.title);
}

export function fitDescription(ctx: ParseContext, where: ImportLocation, text: string): string {
  if (text.length <= LIMITS.description) return text;
  ctx.notes.at(
    where,
    `Description of ${text.length.toLocaleString('en-US')} characters cut to Paydown's limit of ${LIMITS.description.toLocaleString('en-US')}`,
  );
  return cutText(text, LIMITS.description);
}

/** Owner, area and other short texts (100 characters). */
export function fitShort(ctx: ParseContext, where: ImportLocation, label: string, text: string): string {
  const value = text.trim();
  if (value.length <= LIMITS.shortText) return value;
  ctx.notes.at(where, `${label} longer than ${String(LIMITS.shortText)} characters, cut to fit`);
  return cutText(value, LIMITS.shortText);
}

/** Tags trimmed, de-duplicated, each cut to 50 characters and at most 50 of them. */
export function fitTags(ctx: ParseContext, where: ImportLocation, raw: readonly string[]): string[] {
  const tags: string[] = [];
  for (const text of raw) {
    const trimmed = text.trim();
    if (trimmed === '') continue;
    let tag = trimmed;
    if (tag.length > LIMITS.tag) {
      ctx.notes.at(where, `Tag longer than ${String(LIMITS.tag)} characters, cut to fit`);
      tag = cutText(tag, LIMITS.tag);
    }
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (tags.length <= LIMITS.tags) return tags;
  ctx.notes.at(where, `More than ${String(LIMITS.tags)} tags; only the first ${String(LIMITS.tags)} were kept`);
  return tags.slice(0, LIMITS.tags);
}

export const UNKNOWN_EFFORT = { low: 0, likely: 0, high: 0 } as const;
