/** The preview host's token survives reloads and in-app navigation that drop the URL fragment. */
const TOKEN_KEY = 'paydown.previewToken';

/** The part of `Storage` the token needs; tests pass a plain object. */
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The token the preview host put in the page URL as `#token=<token>`, if any. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token === null || token === '' ? null : token;
}

/**
 * The token for this tab: a fresh one from the URL wins (the host may have restarted and printed a new
 * link), otherwise the one remembered for this tab. An empty token makes the host answer 401, which
 * the HTTP bridge turns into a message telling the user to open the printed link.
 */
export function resolveAccessToken(hash: string, storage: TokenStorage | null): string {
  const fromUrl = tokenFromHash(hash);
  if (fromUrl !== null) {
    storage?.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return storage?.getItem(TOKEN_KEY) ?? '';
}
