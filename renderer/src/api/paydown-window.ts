import type { PaydownBridge } from '../../../shared/api/contract.js';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the preview host, where the HTTP bridge stands in. */
    readonly paydown?: PaydownBridge;
  }
}
