import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const MAX_RECENT_FILES = 10;
export const RECENT_FILES_NAME = 'recent-portfolios.json';

const RecentFilesJson = z.object({
  version: z.literal(1),
  files: z.array(z.string().min(1).max(4096).refine((file) => path.isAbsolute(file), 'must be an absolute path')),
});

type ParsedRecentFiles = { ok: true; files: string[] } | { ok: false; files: []; problem: string };

/**
 * Reads the recent-files JSON defensively: it lives in a user-writable folder, so anything that is not
 * exactly our shape (hand edits, truncation, another version) yields an empty list and a reason.
 */
export function parseRecentFiles(text: string): ParsedRecentFiles {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, files: [], problem: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = RecentFilesJson.safeParse(json);
  if (!parsed.success) return { ok: false, files: [], problem: z.prettifyError(parsed.error) };
  return { ok: true, files: dedupe(parsed.data.files).slice(0, MAX_RECENT_FILES) };
}

export function serializeRecentFiles(files: readonly string[]): string {
  return `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
}

function dedupe(files: readonly string[]): string[] {
  return [...new Set(files)];
}

/** Most recent first, each file once, at most MAX_RECENT_FILES. */
export function withRecentFile(files: readonly string[], file: string): string[] {
  return dedupe([file, ...files]).slice(0, MAX_RECENT_FILES);
}

export function withoutRecentFile(files: readonly string[], file: string): string[] {
  return files.filter((f) => f !== file);
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/** The list saved in `jsonPath`; a missing file is an empty list, an unreadable one is logged and ignored. */
export function loadRecentFiles(jsonPath: string): string[] {
  let text: string;
  try {
    text = readFileSync(jsonPath, 'utf8');
  } catch (error) {
    if (!isMissing(error)) console.warn(`[paydown] Could not read ${jsonPath}; starting with no recent files:`, error);
    return [];
  }
  const parsed = parseRecentFiles(text);
  if (!parsed.ok) console.warn(`[paydown] Ignoring ${jsonPath}: ${parsed.problem}`);
  return parsed.files;
}

/** Written to a side file and renamed over the old one, so a crash never leaves half a list. */
export function saveRecentFiles(jsonPath: string, files: readonly string[]): void {
  mkdirSync(path.dirname(jsonPath), { recursive: true });
  const temp = `${jsonPath}.${String(process.pid)}.tmp`;
  writeFileSync(temp, serializeRecentFiles(files), 'utf8');
  renameSync(temp, jsonPath);
}
