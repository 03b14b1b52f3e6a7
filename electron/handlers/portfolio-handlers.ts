import type { Output, ParsedInput } from '../../shared/api/contract.js';
import { DebtItemDraft } from '../../shared/domain/debt-item.js';
import { SAMPLE_ITEMS } from '../../shared/sample/sample-portfolio.js';
import { countItems, distinctOwners, distinctTags, insertItems } from '../store/debt-items-repo.js';
import { schemaVersion } from '../store/migrations/index.js';
import { readSettings, writeSettings } from '../store/settings-repo.js';
import { StoreError } from '../store/store-error.js';
import type { HandlerContext } from './context.js';

export function portfolioInfoHandler(ctx: HandlerContext): Output<'portfolio.info'> {
  const db = ctx.store.db;
  const settings = readSettings(db);
  const counts = countItems(db);
  return {
    path: ctx.store.path,
    name: settings.name,
    unit: settings.unit,
    schemaVersion: schemaVersion(db),
    itemCount: counts.total,
    openCount: counts.open,
    owners: distinctOwners(db),
    tags: distinctTags(db),
  };
}

/** Fills an empty portfolio with the built-in sample; refuses to mix it into real data. */
export function loadSampleHandler(ctx: HandlerContext): Output<'portfolio.loadSample'> {
  const db = ctx.store.db;
  return db.transaction(() => {
    if (countItems(db).total > 0) {
      throw new StoreError(
        'conflict',
        'The sample portfolio can only be loaded into an empty portfolio, so it never mixes with real items. Create a new portfolio file first.',
      );
    }
    const items = SAMPLE_ITEMS.map((input) => ({ id: ctx.newId(), draft: DebtItemDraft.parse(input) }));
    return { created: insertItems(db, items, ctx.now().toISOString()).length };
  })();
}

export function getSettingsHandler(ctx: HandlerContext): Output<'settings.get'> {
  return readSettings(ctx.store.db);
}

export function setSettingsHandler(ctx: HandlerContext, input: ParsedInput<'settings.set'>): Output<'settings.set'> {
  return writeSettings(ctx.store.db, input, ctx.now().toISOString());
}
