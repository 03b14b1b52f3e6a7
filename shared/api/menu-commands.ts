/**
 * Commands the desktop menu sends to the window (main → renderer), on one IPC channel. Kept apart from the
 * request/response contract: the renderer never asks for these, it only listens.
 */
export const MENU_COMMANDS = ['import'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const MENU_IPC_CHANNEL = 'paydown:menu';

export const isMenuCommand = (value: unknown): value is MenuCommand =>
  typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
