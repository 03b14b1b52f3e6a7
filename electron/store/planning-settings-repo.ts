import { DEFAULT_PLANNING, PlanningSettings, type PlanningSettingsPatch } from '../../shared/planning/planning-settings.js';
import { recordAudit } from './audit-repo.js';
import { cached, type Db } from './db.js';
import { StoreError } from './store-error.js';

const PLANNING_KEY = 'planning';

/** Planning options (split items, default reserve) under their own settings key; unset fields take the defaults. */
export function readPlanning(db: Db): PlanningSettings {
  const row = cached(db, 'SELECT value FROM settings WHERE key = ?').get(PLANNING_KEY) as { value: string } | undefined;
  if (row === undefined) return DEFAULT_PLANNING;
  const parsed = PlanningSettings.safeParse({ ...DEFAULT_PLANNING, ...(JSON.parse(row.value) as object) });
  if (!parsed.success) {
    throw new StoreError('not-a-portfolio', `The portfolio's planning settings are damaged: ${parsed.error.issues[0]?.message ?? 'unreadable'}`);
  }
  return parsed.data;
}

export function writePlanning(db: Db, patch: PlanningSettingsPatch, at: string): PlanningSettings {
  return db.transaction(() => {
    const before = readPlanning(db);
    const after = PlanningSettings.parse({ ...before, ...patch });
    cached(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      PLANNING_KEY,
      JSON.stringify(after),
    );
    recordAudit(db, { at, action: 'update', entity: 'settings', entityId: PLANNING_KEY, before, after });
    return after;
  })();
}
