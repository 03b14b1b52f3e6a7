/**
 * Base64 (RFC 4648, with padding) for typed-array columns sent inside JSON. Written out here because
 * `shared/` may use neither Node's Buffer nor the browser's atob, and both hosts must agree byte for byte.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = new Uint8Array(256).fill(255);
for (let k = 0; k < ALPHABET.length; k++) CODES[ALPHABET.charCodeAt(k)] = k;
const PAD = 61; // '='
const CHUNK = 0x3000; // characters per String.fromCharCode call, well under engines' argument limits

/** The base64 length of `bytes` bytes. */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;

export function toBase64(bytes: Uint8Array): string {
  const out = new Uint16Array(base64Length(bytes.length));
  const full = bytes.length - (bytes.length % 3);
  let o = 0;
  for (let i = 0; i < full; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[o++] = ALPHABET.charCodeAt(n >> 18);
    out[o++] = ALPHABET.charCodeAt((n >> 12) & 63);
    out[o++] = ALPHABET.charCodeAt((n >> 6) & 63);
    out[o++] = ALPHABET.charCodeAt(n & 63);
  }
  const rest = bytes.length - full;
  if (rest > 0) {
    const n = ((bytes[full] ?? 0) << 16) | (rest === 2 ? (bytes[full + 1] ?? 0) << 8 : 0);
    out[o++] = ALPHABET.charCodeAt(n >> 18);
    out[o++] = ALPHABET.charCodeAt((n >> 12) & 63);
    out[o++] = rest === 2 ? ALPHABET.charCodeAt((n >> 6) & 63) : PAD;
    out[o++] = PAD;
  }
  let text = '';
  for (let i = 0; i < out.length; i += CHUNK) text += String.fromCharCode(...out.subarray(i, i + CHUNK));
  return text;
}

/** The engine's own decoder where it has one (Chromium ≥ 140, so Electron 45 and the preview's browser): ~20× faster. */
const native = (Uint8Array as unknown as { fromBase64?: (text: string, options: { lastChunkHandling: 'strict' }) => Uint8Array<ArrayBuffer> })
  .fromBase64; // ES2026, not yet in our lib's types

/** The bytes of a base64 text; null when it is not padded base64 (wrong length, a foreign character, misplaced `=`). */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 !== 0) return null;
  if (native !== undefined) {
    try {
      return native.call(Uint8Array, text, { lastChunkHandling: 'strict' });
    } catch (error) {
      if (error instanceof SyntaxError) return null; // the engine's word for "not base64"
      throw error;
    }
  }
  return portableFromBase64(text);
}

/** fromBase64 in plain code, for engines without a native decoder (Node 20, the unit tests). */
function portableFromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 !== 0) return null;
  let pad = 0;
  if (text.length > 0 && text.charCodeAt(text.length - 1) === PAD) pad = text.charCodeAt(text.length - 2) === PAD ? 2 : 1;
  const bytes = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const a = CODES[text.charCodeAt(i) & 0xff] ?? 255;
    const b = CODES[text.charCodeAt(i + 1) & 0xff] ?? 255;
    const cc = text.charCodeAt(i + 2);
    const dc = text.charCodeAt(i + 3);
    const c = last && pad === 2 && cc === PAD ? 0 : (CODES[cc & 0xff] ?? 255);
    const d = last && pad >= 1 && dc === PAD ? 0 : (CODES[dc & 0xff] ?? 255);
    // `& 0xff` folds characters above 255 onto the table; the check below refuses them.
    if ((a | b | c | d) > 63 || (text.charCodeAt(i) | text.charCodeAt(i + 1) | cc | dc) > 127) return null;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    bytes[o++] = n >> 16;
    if (o < bytes.length) bytes[o++] = (n >> 8) & 0xff;
    if (o < bytes.length) bytes[o++] = n & 0xff;
  }
  return bytes;
}
