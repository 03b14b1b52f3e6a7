import { CHANNELS, ipcChannel } from '../../shared/api/channels.js';
import { fail, type Result } from '../../shared/api/result.js';
import type { HandlerContext } from '../handlers/dispatch.js';
import { isAppUrl } from './app-url.js';

/** The parts of Electron's `WebFrameMain` the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
  readonly processId: number;
  readonly routingId: number;
}

/** The parts of `IpcMainInvokeEvent` the sender check reads. */
export interface InvokeEvent {
  readonly sender: unknown;
  readonly senderFrame: SenderFrame | null;
}

interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
}

export interface IpcOptions {
  /** The web contents of the Paydown window, or undefined while none is open. */
  readonly mainContents: () => { readonly mainFrame: SenderFrame } | undefined;
  /** `dispatch` from electron/handlers, which parses the input with the contract's schema. */
  readonly dispatch: (ctx: HandlerContext, channel: string, raw: unknown) => Result<unknown>;
}

export const REFUSED_SENDER_MESSAGE =
  'Paydown refused this request because it did not come from the Paydown window.';
export const NO_PORTFOLIO_MESSAGE = 'No portfolio is open. Open or create one from the File menu.';

/**
 * Only the top frame of our own window, showing an app page, may call the API: not an iframe, not
 * another window, not a page that navigated elsewhere (the frame URL is judged by `isAppUrl`).
 */
function isTrustedSender(event: InvokeEvent, contents: { readonly mainFrame: SenderFrame } | undefined): boolean {
  const frame = event.senderFrame;
  if (frame === null || contents === undefined || event.sender !== contents) return false;
  const main = contents.mainFrame;
  return (
    frame.parent === null &&
    frame.processId === main.processId &&
    frame.routingId === main.routingId &&
    isAppUrl(frame.url)
  );
}

/**
 * One `ipcMain.handle('paydown:<channel>')` per contract channel, nothing generic. Every answer is a
 * Result: Electron would pass only the `message` of a thrown error to the renderer.
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  getContext: () => HandlerContext | undefined,
  options: IpcOptions,
): void {
  const { dispatch, mainContents } = options;
  for (const channel of CHANNELS) {
    ipcMain.handle(ipcChannel(channel), (event, input): Result<unknown> => {
      if (!isTrustedSender(event, mainContents())) {
        console.warn(`[paydown] Refused ${channel} from ${event.senderFrame?.url ?? 'a closed frame'}.`);
        return fail('forbidden', REFUSED_SENDER_MESSAGE);
      }
      const ctx = getContext();
      if (ctx === undefined) return fail('io-error', NO_PORTFOLIO_MESSAGE);
      try {
        return dispatch(ctx, channel, input);
      } catch (error) {
        console.error(`[paydown] ${channel} failed outside its handler:`, error);
        return fail('internal', `Paydown could not complete “${channel}”. The details are in the app's log.`);
      }
    });
  }
}
