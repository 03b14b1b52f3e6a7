import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-url.js';
import { openIfWebLink, type OpenExternal } from './external-links.js';

/**
 * Keeps a window on the app's own pages: no pop-ups (web links go to the browser instead), no
 * navigation or redirect to another origin, no `<webview>`. A renderer bug or a pasted link can then
 * never load foreign content next to the preload bridge.
 */
export function lockDownContents(contents: WebContents, openExternal: OpenExternal): void {
  contents.setWindowOpenHandler(({ url }) => {
    openIfWebLink(url, openExternal);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openIfWebLink(event.url, openExternal);
  });
  // A redirect is the server's choice, not the user's click, so it is stopped without opening anything.
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** Paydown needs no camera, location, notifications or any other browser permission. */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, answer) => {
    answer(false);
  });
  session.setPermissionCheckHandler(() => false);
}
