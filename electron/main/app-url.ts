/** The privileged scheme the renderer is served from, so pages get a real origin instead of `file://`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'paydown';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    // Not a URL at all, so certainly not one of ours: every caller treats null as "refuse".
    return null;
  }
}

/**
 * True only for `app://paydown/…`: exact scheme and host, no port and no credentials. Judged on the
 * parsed URL, never on substrings, so `app://paydown.evil/`, `app://paydown@evil/` and
 * `https://paydown/` are all foreign.
 */
export function isAppUrl(raw: string): boolean {
  const url = parse(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}

/** Links the operating system may open in the user's browser: plain web pages, nothing else. */
export function isWebLink(raw: string): boolean {
  const url = parse(raw);
  return url !== null && (url.protocol === 'https:' || url.protocol === 'http:');
}
