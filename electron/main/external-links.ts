import { isWebLink } from './app-url.js';

export type OpenExternal = (url: string) => Promise<void>;

/**
 * Hands a web link to the user's browser; any other scheme (`file:`, `smb:`, custom handlers) is
 * dropped, since the OS would run whatever program claims it.
 */
export function openIfWebLink(url: string, openExternal: OpenExternal): void {
  if (!isWebLink(url)) {
    console.warn(`[paydown] Refused to open ${JSON.stringify(url)}: only http(s) links leave the app.`);
    return;
  }
  openExternal(url).catch((error: unknown) => {
    console.error(`[paydown] Could not open ${url} in the browser:`, error);
  });
}
