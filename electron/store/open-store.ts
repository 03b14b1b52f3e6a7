import { closeSync, mkdirSync, openSync, readSync, rmSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './db.js';
import { LATEST_VERSION, migrate, schemaVersion } from './migrations/index.js';
import { StoreError } from './store-error.js';

export type { Db } from './db.js';

/** Written into the SQLite header (`PRAGMA application_id`) of every portfolio: "PYDN". */
export const PAYDOWN_APPLICATION_ID = 0x5059444e;

const SQLITE_MAGIC = 'SQLite format 3\u0000';
const HEADER_BYTES = 100;
const APPLICATION_ID_OFFSET = 68;

export interface Store {
  readonly db: Db;
  /** Absolute path of the portfolio file, or ':memory:'. */
  readonly path: string;
  close(): void;
}

export interface OpenStoreOptions {
  /** better-sqlite3's `nativeBinding`: Electron loads its own build of the addon. */
  nativeBinding?: string;
}

/**
 * Opens a portfolio file, creating it (and its folder) when missing. A file that is not SQLite, not a
 * Paydown portfolio, or from a newer Paydown is refused before anything writes to it, so it stays
 * byte-for-byte as it was.
 */
export function openStore(file: string, options: OpenStoreOptions = {}): Store {
  const dbOptions = options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding };
  if (file === ':memory:') {
    const db = new Database(':memory:', dbOptions);
    initialise(db);
    return wrap(db, ':memory:');
  }
  const absolute = path.resolve(file);
  const existing = statOrNull(absolute);
  if (existing === null) return createPortfolio(absolute, dbOptions);
  if (!existing.isFile()) {
    throw new StoreError('io-error', `“${absolute}” is a folder, not a portfolio file. Choose a .paydown file.`);
  }
  checkHeader(absolute);
  checkSchemaVersion(absolute, dbOptions);
  const db = openOrExplain(absolute, dbOptions, {});
  try {
    configure(db);
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return wrap(db, absolute);
}

/** Removes a closed portfolio file and its WAL and shared-memory companions; a missing one is no error. */
export function removePortfolio(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

function wrap(db: Db, file: string): Store {
  return {
    db,
    path: file,
    close: () => {
      if (!db.open) return;
      // Lets SQLite refresh its query-planner statistics for the next session, as its docs advise on close.
      db.pragma('optimize');
      db.close();
    },
  };
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file, { throwIfNoEntry: false }) ?? null;
  } catch (error) {
    if (isErrno(error) && error.code === 'ENOENT') return null;
    throw new StoreError('io-error', `Cannot read “${file}”: ${describe(error)}`);
  }
}

function createPortfolio(file: string, dbOptions: Database.Options): Store {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    throw new StoreError('io-error', `Cannot create the folder for “${file}”: ${describe(error)}`);
  }
  const db = openOrExplain(file, dbOptions, {});
  try {
    initialise(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return wrap(db, file);
}

/** A brand-new database: mark it as ours before anything else, then build the schema. */
function initialise(db: Db): void {
  // Set while still in rollback-journal mode so the id lands in the main file's header at once.
  db.pragma(`application_id = ${String(PAYDOWN_APPLICATION_ID)}`);
  configure(db);
  migrate(db);
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  // In WAL mode NORMAL never corrupts the file and survives an app crash; only an OS crash or power cut
  // can roll back the last commits. FULL would fsync on every save and make bulk imports crawl.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // The CLI and the app may open the same file at once; wait for the other writer instead of failing.
  db.pragma('busy_timeout = 5000');
}

function checkHeader(file: string): void {
  const header = Buffer.alloc(HEADER_BYTES);
  let read = 0;
  try {
    const fd = openSync(file, 'r');
    try {
      read = readSync(fd, header, 0, HEADER_BYTES, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new StoreError('io-error', `Cannot read “${file}”: ${describe(error)}`);
  }
  if (read === 0) {
    throw new StoreError('not-sqlite', `“${file}” is empty, so it is not a Paydown portfolio. Choose another file or a new name.`);
  }
  if (read < HEADER_BYTES || header.toString('latin1', 0, SQLITE_MAGIC.length) !== SQLITE_MAGIC) {
    throw new StoreError('not-sqlite', `“${file}” is not a Paydown portfolio: it is not a SQLite database file.`);
  }
  if (header.readUInt32BE(APPLICATION_ID_OFFSET) !== PAYDOWN_APPLICATION_ID) {
    throw new StoreError('not-a-portfolio', `“${file}” is a SQLite database, but not a Paydown portfolio.`);
  }
}

/** Reads the schema version through a read-only handle, so a file from the future is never written to. */
function checkSchemaVersion(file: string, dbOptions: Database.Options): void {
  const db = openOrExplain(file, dbOptions, { readonly: true, fileMustExist: true });
  let version: number;
  try {
    version = schemaVersion(db);
  } catch (error) {
    throw new StoreError('not-sqlite', `“${file}” could not be read as a portfolio: ${describe(error)}`);
  } finally {
    db.close();
  }
  if (version > LATEST_VERSION) {
    throw new StoreError(
      'db-too-new',
      `“${file}” was saved by a newer version of Paydown (schema ${String(version)}; this version knows up to ${String(LATEST_VERSION)}). Update Paydown to open it; the file was not changed.`,
    );
  }
}

function openOrExplain(file: string, dbOptions: Database.Options, extra: Database.Options): Db {
  try {
    return new Database(file, { ...dbOptions, ...extra });
  } catch (error) {
    throw new StoreError('io-error', `Cannot open “${file}”: ${describe(error)}`);
  }
}

function isErrno(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
