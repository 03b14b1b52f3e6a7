import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveRendererFile } from './renderer-files.js';

const root = path.resolve('/srv/renderer');

describe('resolveRendererFile', () => {
  it('maps / to index.html and nested paths inside the root', () => {
    expect(resolveRendererFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile(root, '/assets/app-1a2b.js')).toBe(path.join(root, 'assets', 'app-1a2b.js'));
    expect(resolveRendererFile(root, '/assets/my%20icon.svg')).toBe(path.join(root, 'assets', 'my icon.svg'));
  });

  it.each([
    '/..',
    '/../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/..%2fetc%2fpasswd',
    '/assets/..%5c..%5cwindows',
    '/%2fetc%2fpasswd',
    '/C:%5cWindows',
    '/.git/config',
    '/assets//app.js',
    '/bad%E0%A4%A',
    '/nul%00.js',
    'relative.js',
  ])('refuses %s', (pathname) => {
    expect(resolveRendererFile(root, pathname)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('names module scripts, styles and pages', () => {
    expect(contentTypeFor('/x/app.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/app.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/blob.bin')).toBe('application/octet-stream');
  });
});
