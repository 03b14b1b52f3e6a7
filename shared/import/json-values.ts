import type { ImportIssue } from './import-schema.js';

/**
 * Safe reading of parsed JSON. `JSON.parse` keeps `"__proto__"` as an ordinary own key, so parsed data
 * is harmless until it is copied (spread, Object.assign, deep merge) or read through the prototype
 * chain (`issue.constructor` is Object when the key is absent). Parsers therefore read every key with
 * `own`, and never copy a parsed object.
 */
export type JsonObject = { readonly [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value of an own key, or undefined: never something inherited from Object.prototype. */
export function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

export function ownString(object: JsonObject, key: string): string | undefined {
  const value = own(object, key);
  return typeof value === 'string' ? value : undefined;
}

export function ownArray(object: JsonObject, key: string): readonly unknown[] | undefined {
  const value = own(object, key);
  return Array.isArray(value) ? value : undefined;
}

export function ownObject(object: JsonObject, key: string): JsonObject | undefined {
  const value = own(object, key);
  return isObject(value) ? value : undefined;
}

/** 1-based line and column of a character offset. */
export function lineColumnAt(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: position - lineStart + 1 };
}

/**
 * Where each top-level object or array of `text` ends, for files that hold several JSON documents one
 * after another (`gh api --paginate` prints one array per page; SonarQube pages are often saved so).
 * Returns null when something other than objects and arrays sits at the top level.
 */
function topLevelSpans(text: string): [number, number][] | null {
  const spans: [number, number][] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i += 1; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) {
      if (depth === 0) return null;
      inString = true;
    } else if (ch === 0x7b || ch === 0x5b) {
      if (depth === 0) start = i;
      depth += 1;
    } else if (ch === 0x7d || ch === 0x5d) {
      depth -= 1;
      if (depth < 0) return null;
      if (depth === 0) spans.push([start, i + 1]);
    } else if (depth === 0 && ch !== 0x20 && ch !== 0x0a && ch !== 0x0d && ch !== 0x09) {
      return null;
    }
  }
  return depth === 0 ? spans : null;
}

/** V8 words a JSON error as "… in JSON at position 1488"; the position becomes a line and column. */
function describeJsonError(text: string, error: unknown, offset: number): ImportIssue {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(raw);
  const reason = raw.replace(/\s*in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
  if (position?.[1] === undefined) {
    return { message: `The file is not valid JSON (${reason}). Nothing was imported; fix the file or export it again.` };
  }
  const { line, column } = lineColumnAt(text, offset + Number(position[1]));
  return {
    line,
    message: `The file is not valid JSON at line ${String(line)}, column ${String(column)}: ${reason}. Nothing was imported; fix the file or export it again.`,
  };
}

/** Parses one JSON document, or several written one after another; a failure names its line and column. */
export function parseJsonDocuments(text: string): { documents: unknown[] } | { error: ImportIssue } {
  try {
    return { documents: [JSON.parse(text) as unknown] };
  } catch (first) {
    const spans = topLevelSpans(text);
    if (spans === null || spans.length < 2) return { error: describeJsonError(text, first, 0) };
    const documents: unknown[] = [];
    for (const [start, end] of spans) {
      try {
        documents.push(JSON.parse(text.slice(start, end)) as unknown);
      } catch (error) {
        return { error: describeJsonError(text, error, start) };
      }
    }
    return { documents };
  }
}
