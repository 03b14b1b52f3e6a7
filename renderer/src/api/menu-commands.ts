import type { MenuCommand } from '../../../shared/api/menu-commands.js';
import type { PaydownMenu } from './paydown-window.js';

/** What the window does for each desktop menu command. */
export type MenuHandlers = Readonly<Record<MenuCommand, () => void>>;

/** Runs the handler of each command the menu sends; answers the unsubscribe (a no-op without a menu). */
export function listenToMenu(menu: PaydownMenu | undefined, handlers: MenuHandlers): () => void {
  if (menu === undefined) return () => undefined;
  return menu.onCommand((command) => {
    handlers[command]();
  });
}
