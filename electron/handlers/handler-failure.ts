import type { Channel } from '../../shared/api/channels.js';
import { fail, type Fail } from '../../shared/api/result.js';
import { StoreError } from '../store/store-error.js';
import type { HandlerContext } from './context.js';

/**
 * A handler's failure as the user may see it: known failures keep their code, SQLite's busy, read-only
 * and constraint errors get a message a person can act on, anything else is logged and reported safely.
 */
export function failureFrom(ctx: HandlerContext, channel: Channel, error: unknown): Fail {
  if (error instanceof StoreError) return fail(error.code, error.message, error.issues);
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    if (error.code === 'SQLITE_BUSY' || error.code === 'SQLITE_LOCKED') {
      return fail('io-error', 'The portfolio file is busy: another Paydown window or command is writing to it. Try again in a moment.');
    }
    if (error.code === 'SQLITE_READONLY' || error.code === 'SQLITE_CANTOPEN' || error.code === 'SQLITE_FULL' || error.code === 'SQLITE_IOERR') {
      return fail('io-error', `The portfolio file could not be written (${error.code}). Check the disk and the file's permissions; nothing was changed.`);
    }
    if (error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
      return fail('conflict', 'Another item already has this external reference (source and key); nothing was changed.');
    }
  }
  ctx.logError(channel, error);
  return fail('internal', `Paydown could not complete “${channel}” because of an internal error; nothing was changed. The details were written to the log.`);
}
