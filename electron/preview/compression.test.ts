import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compress, preferredEncoding } from './compression.js';

describe('preferredEncoding', () => {
  it('prefers brotli, then gzip, and never an encoding the client refused with q=0', () => {
    expect(preferredEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(preferredEncoding('gzip, deflate')).toBe('gzip');
    expect(preferredEncoding('GZIP;q=0.5, br;q=0')).toBe('gzip');
    expect(preferredEncoding('br;q=0, gzip;q=0')).toBeNull();
    expect(preferredEncoding('identity')).toBeNull();
    expect(preferredEncoding('')).toBeNull();
    expect(preferredEncoding(undefined)).toBeNull();
  });
});

describe('compress', () => {
  it('gives back bytes that decompress to the very same text', async () => {
    const text = Buffer.from(JSON.stringify({ ok: true, value: { title: 'Zoë’s 🚀 item', ids: 'abc,'.repeat(10_000) } }), 'utf8');
    expect(brotliDecompressSync(await compress(text, 'br')).equals(text)).toBe(true);
    expect(gunzipSync(await compress(text, 'gzip')).equals(text)).toBe(true);
  });
});
