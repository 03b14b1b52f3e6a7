// The built renderer's files, as both hosts serve them: Electron's app:// protocol and the preview host.
import path from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  // Chromium refuses to run a module script served with any other type.
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL pathname (`/assets/app.js`) to a file inside `root`, or null when it names nothing we
 * serve. Each segment is decoded on its own, so `%2e%2e`, `%2f` and `%5c` cannot smuggle in a
 * traversal; dot-files, drive letters and empty segments are refused; the result must stay in `root`.
 */
export function resolveRendererFile(root: string, pathname: string): string | null {
  if (!pathname.startsWith('/')) return null;
  const encoded = pathname === '/' ? ['index.html'] : pathname.slice(1).split('/');
  const segments: string[] = [];
  for (const raw of encoded) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      // A malformed %-escape names no file of ours; the caller answers 404.
      return null;
    }
    if (segment === '' || segment.startsWith('.') || /[/\\:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  return file.startsWith(base + path.sep) ? file : null;
}
