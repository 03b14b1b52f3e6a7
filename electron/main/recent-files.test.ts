import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_RECENT_FILES,
  loadRecentFiles,
  parseRecentFiles,
  saveRecentFiles,
  serializeRecentFiles,
  withRecentFile,
  withoutRecentFile,
} from './recent-files.js';

describe('parseRecentFiles', () => {
  it('reads what serializeRecentFiles wrote', () => {
    const files = ['/home/me/a.paydown', '/home/me/b.paydown'];
    expect(parseRecentFiles(serializeRecentFiles(files))).toEqual({ ok: true, files });
  });

  it.each([
    ['an empty file', ''],
    ['text that is not JSON', 'recent: a.paydown'],
    ['truncated JSON', '{"version":1,"files":["/a.paydown"'],
    ['null', 'null'],
    ['a bare array', '["/a.paydown"]'],
    ['an unknown version', '{"version":2,"files":["/a.paydown"]}'],
    ['files that are not a list', '{"version":1,"files":"/a.paydown"}'],
    ['non-text entries', '{"version":1,"files":[42,{"path":"/a"}]}'],
    ['relative paths', '{"version":1,"files":["a.paydown"]}'],
    ['empty paths', '{"version":1,"files":[""]}'],
    ['a prototype-pollution attempt', '{"__proto__":{"files":["/x"]},"version":1}'],
  ])('turns %s into an empty list with a reason', (_label, text) => {
    const parsed = parseRecentFiles(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.files).toEqual([]);
    if (!parsed.ok) expect(parsed.problem).not.toBe('');
  });

  it('drops duplicates and keeps at most the newest entries', () => {
    const files = Array.from({ length: 15 }, (_, i) => `/p/${String(i)}.paydown`);
    const parsed = parseRecentFiles(JSON.stringify({ version: 1, files: ['/p/0.paydown', ...files] }));
    expect(parsed.files).toEqual(files.slice(0, MAX_RECENT_FILES));
  });
});

describe('withRecentFile / withoutRecentFile', () => {
  it('moves a reopened file to the front without duplicating it', () => {
    expect(withRecentFile(['/a', '/b', '/c'], '/c')).toEqual(['/c', '/a', '/b']);
  });

  it('forgets the oldest beyond the limit', () => {
    const full = Array.from({ length: MAX_RECENT_FILES }, (_, i) => `/${String(i)}`);
    expect(withRecentFile(full, '/new')).toEqual(['/new', ...full.slice(0, MAX_RECENT_FILES - 1)]);
  });

  it('removes one file', () => {
    expect(withoutRecentFile(['/a', '/b'], '/a')).toEqual(['/b']);
  });
});

describe('loadRecentFiles / saveRecentFiles', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'paydown-recent-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts empty when nothing was saved yet', () => {
    expect(loadRecentFiles(path.join(dir, 'recent-portfolios.json'))).toEqual([]);
  });

  it('round-trips through the file, creating its folder', () => {
    const file = path.join(dir, 'nested', 'recent-portfolios.json');
    saveRecentFiles(file, ['/home/me/a.paydown']);
    expect(loadRecentFiles(file)).toEqual(['/home/me/a.paydown']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, files: ['/home/me/a.paydown'] });
  });

  it('ignores a garbage file with a warning instead of failing startup', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const file = path.join(dir, 'recent-portfolios.json');
    writeFileSync(file, '\u0000\u0001garbage{');
    expect(loadRecentFiles(file)).toEqual([]);
    expect(warn).toHaveBeenCalledOnce();
  });
});
