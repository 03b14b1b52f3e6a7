import { DEFAULT_SETTINGS, Settings, type SettingsPatch } from '../../shared/domain/settings.js';
import { DEFAULT_SCORING, ScoringSettings, type ScoringSettingsPatch } from '../../shared/scoring/weights.js';
import { recordAudit } from './audit-repo.js';
import { cached, type Db } from './db.js';
import { StoreError } from './store-error.js';

/** Settings live as one JSON value per key; keys never written fall back to the defaults. */
export function readSettings(db: Db): Settings {
  const rows = cached(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    // Only keys the schema knows are read back, so a stray row cannot reach the object's prototype.
    if (Object.hasOwn(DEFAULT_SETTINGS, row.key)) stored[row.key] = JSON.parse(row.value) as unknown;
  }
  const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...stored });
  if (!parsed.success) {
    throw new StoreError('not-a-portfolio', `The portfolio's settings are damaged: ${parsed.error.issues[0]?.message ?? 'unreadable'}`);
  }
  return parsed.data;
}

export function writeSettings(db: Db, patch: SettingsPatch, at: string): Settings {
  return db.transaction(() => {
    const before = readSettings(db);
    const after = Settings.parse({ ...before, ...patch });
    const upsert = cached(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    for (const [key, value] of Object.entries(patch)) upsert.run(key, JSON.stringify(value));
    recordAudit(db, { at, action: 'update', entity: 'settings', entityId: 'portfolio', before, after });
    return after;
  })();
}

const SCORING_KEY = 'scoring';

/** Scoring weights and horizon, kept under their own key so they evolve apart from the basic settings. */
export function readScoring(db: Db): ScoringSettings {
  const row = cached(db, 'SELECT value FROM settings WHERE key = ?').get(SCORING_KEY) as { value: string } | undefined;
  if (row === undefined) return DEFAULT_SCORING;
  const parsed = ScoringSettings.safeParse({ ...DEFAULT_SCORING, ...(JSON.parse(row.value) as object) });
  if (!parsed.success) {
    throw new StoreError('not-a-portfolio', `The portfolio's scoring settings are damaged: ${parsed.error.issues[0]?.message ?? 'unreadable'}`);
  }
  return parsed.data;
}

export function writeScoring(db: Db, patch: ScoringSettingsPatch, at: string): ScoringSettings {
  return db.transaction(() => {
    const before = readScoring(db);
    const after = ScoringSettings.parse({ ...before, ...patch });
    cached(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      SCORING_KEY,
      JSON.stringify(after),
    );
    recordAudit(db, { at, action: 'update', entity: 'settings', entityId: SCORING_KEY, before, after });
    return after;
  })();
}
