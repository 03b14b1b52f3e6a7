import type { PaydownBridge } from '../../../shared/api/contract.js';
import { resolveAccessToken, type TokenStorage } from './access-token.js';
import { createHttpBridge } from './http-bridge.js';
import './paydown-window.js';

/** sessionStorage, or null where the browser refuses it (storage disabled, opaque origin). */
function tabStorage(): TokenStorage | null {
  try {
    return window.sessionStorage;
  } catch (error) {
    console.warn('Paydown cannot use sessionStorage; the access token will not survive a reload.', error);
    return null;
  }
}

/** The Electron preload's bridge when present, else the preview host's HTTP bridge. */
export function getBridge(): PaydownBridge {
  const exposed = window.paydown;
  if (exposed !== undefined) return exposed;
  return createHttpBridge(resolveAccessToken(window.location.hash, tabStorage()));
}
