import type { Db } from '../db.js';

export interface Migration {
  /** Strictly increasing; becomes `PRAGMA user_version` once applied. */
  readonly version: number;
  readonly name: string;
  up(db: Db): void;
}
