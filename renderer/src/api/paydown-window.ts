import type { PaydownBridge } from '../../../shared/api/contract.js';
import type { MenuCommand } from '../../../shared/api/menu-commands.js';

/** The desktop menu's commands, exposed by the Electron preload. */
export interface PaydownMenu {
  /** Calls `listener` for each command until the returned function is called. */
  onCommand(listener: (command: MenuCommand) => void): () => void;
}

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the preview host, where the HTTP bridge stands in. */
    readonly paydown?: PaydownBridge;
    /** Exposed by the Electron preload; the preview host has no application menu. */
    readonly paydownMenu?: PaydownMenu;
  }
}
