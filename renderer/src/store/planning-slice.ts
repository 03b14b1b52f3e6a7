import type { Input, PaydownBridge } from '../../../shared/api/contract.js';
import type { ForecastAnswer, PlanAnswer, StoredSprint } from '../../../shared/api/planning-contract.js';
import type { FieldIssue } from '../../../shared/api/result.js';
import type { Backtest } from '../../../shared/planning/backtest.js';
import type { ErosionReport } from '../../../shared/planning/erosion.js';
import type { ScenarioComparison } from '../../../shared/planning/scenarios.js';
import type { SliceCreator } from './app-state.js';
import { callBridge } from './call-bridge.js';
import { failureMessage } from './failure-message.js';
import { FAILED, SAVED, type SaveOutcome } from './save-outcome.js';

/** The seed every forecast in the app uses, so the same data always draws the same fan. */
export const FORECAST_SEED = 1;
/** The custom reserve compared with 10, 15 and 20% until the user picks another: just above the band. */
export const DEFAULT_CUSTOM_RESERVE = 25;

export interface PlanningData {
  readonly sprints: readonly StoredSprint[];
  /** Carries each item's title beside its id, so the view needs no item list of its own. */
  readonly plan: PlanAnswer;
  readonly erosion: ErosionReport;
}

export interface CloseSprintInput {
  readonly name: string;
  readonly completed: number;
  readonly debtSpent: number;
  readonly paidItemIds: readonly string[];
}

export interface PlanningSlice {
  planning: PlanningData | null;
  forecast: ForecastAnswer | null;
  backtest: Backtest | null;
  scenarios: ScenarioComparison | null;
  loadPlanning: () => Promise<void>;
  loadForecast: () => Promise<void>;
  loadScenarios: (customReservePct?: number) => Promise<void>;
  addSprints: (input: Input<'sprints.create'>) => Promise<SaveOutcome>;
  updateReserve: (name: string, reservePct: number, reserveReason: string) => Promise<SaveOutcome>;
  closeSprint: (input: CloseSprintInput) => Promise<SaveOutcome>;
  /** Pins an item to an open sprint; a pin on another open sprint moves with it. */
  pinItem: (sprintName: string, itemId: string) => Promise<void>;
  unpinItem: (sprintName: string, itemId: string) => Promise<void>;
  excludeItem: (itemId: string, note: string) => Promise<void>;
  includeItem: (itemId: string) => Promise<void>;
  /** Sets the reserve of every open sprint in one step; outside the band it needs the reason. */
  applyScenario: (reservePct: number, reason: string) => Promise<SaveOutcome>;
}

/** The item's title as the loaded plan names it, for messages; its id when the plan does not show it. */
function titleIn(planning: PlanningData | null, itemId: string): string {
  if (planning === null) return itemId;
  const { plan } = planning;
  const found =
    plan.sprints.flatMap((s) => s.items).find((p) => p.id === itemId) ??
    plan.unplanned.find((u) => u.id === itemId) ??
    plan.exclusions.find((e) => e.itemId === itemId);
  return found?.title ?? itemId;
}

const invalid = (message: string, issues: readonly FieldIssue[]): SaveOutcome => ({
  status: 'invalid',
  message,
  issues,
});

export const createPlanningSlice =
  (bridge: PaydownBridge): SliceCreator<PlanningSlice> =>
  (set, get) => {
    let latestLoad = 0;
    let latestForecast = 0;
    let latestScenarios = 0;

    /** After any write: the plan, forecast and scenarios all rest on the sprints. */
    const afterWrite = async () => {
      await get().loadPlanning();
      if (get().forecast !== null) await get().loadForecast();
      if (get().scenarios !== null) await get().loadScenarios();
    };

    return {
      planning: null,
      forecast: null,
      backtest: null,
      scenarios: null,

      async loadPlanning() {
        const request = ++latestLoad;
        const [sprints, plan, erosion] = await Promise.all([
          callBridge(bridge, 'sprints.list', {}),
          callBridge(bridge, 'plan.get', {}),
          callBridge(bridge, 'erosion.get', {}),
        ]);
        if (request !== latestLoad) return;
        for (const r of [sprints, plan, erosion]) {
          if (!r.ok) {
            get().showNotice('error', failureMessage('Could not load the sprint plan.', r.error));
            return;
          }
        }
        if (!sprints.ok || !plan.ok || !erosion.ok) return;
        set({ planning: { sprints: sprints.value, plan: plan.value, erosion: erosion.value } });
      },

      async loadForecast() {
        const request = ++latestForecast;
        const [forecast, backtest] = await Promise.all([
          callBridge(bridge, 'forecast.get', { seed: FORECAST_SEED }),
          callBridge(bridge, 'forecast.backtest', { seed: FORECAST_SEED }),
        ]);
        if (request !== latestForecast) return;
        if (!forecast.ok) {
          get().showNotice('error', failureMessage('Could not load the forecast.', forecast.error));
          return;
        }
        if (!backtest.ok) get().showNotice('error', failureMessage('Could not run the forecast backtest.', backtest.error));
        set({ forecast: forecast.value, backtest: backtest.ok ? backtest.value : null });
      },

      async loadScenarios(customReservePct) {
        const request = ++latestScenarios;
        const custom = customReservePct ?? get().scenarios?.scenarios.find((s) => s.custom)?.reservePct ?? DEFAULT_CUSTOM_RESERVE;
        const result = await callBridge(bridge, 'scenarios.get', { customReservePct: custom });
        if (request !== latestScenarios) return;
        if (!result.ok) {
          get().showNotice('error', failureMessage('Could not compare the reserve scenarios.', result.error));
          return;
        }
        set({ scenarios: result.value });
      },

      async addSprints(input) {
        const result = await callBridge(bridge, 'sprints.create', input);
        if (!result.ok) {
          if (result.error.code === 'invalid-input') return invalid(result.error.message, result.error.issues ?? []);
          get().showNotice('error', failureMessage('Could not add the sprints.', result.error));
          return FAILED;
        }
        const names = result.value.map((s) => s.name).join(', ');
        get().showNotice('success', `Added ${String(result.value.length)} sprint${result.value.length === 1 ? '' : 's'}: ${names}.`);
        await afterWrite();
        return SAVED;
      },

      async updateReserve(name, reservePct, reserveReason) {
        const reason = reserveReason.trim();
        const result = await callBridge(bridge, 'sprints.update', { name, reservePct, ...(reason === '' ? {} : { reserveReason: reason }) });
        if (!result.ok) {
          if (result.error.code === 'invalid-input') return invalid(result.error.message, result.error.issues ?? []);
          get().showNotice('error', failureMessage(`Could not change the reserve of ${name}.`, result.error));
          return FAILED;
        }
        get().showNotice('success', `${name} now reserves ${String(reservePct)}% for debt.`);
        await afterWrite();
        return SAVED;
      },

      async closeSprint(input) {
        const result = await callBridge(bridge, 'sprints.close', { ...input, paidItemIds: [...input.paidItemIds] });
        if (!result.ok) {
          if (result.error.code === 'invalid-input') return invalid(result.error.message, result.error.issues ?? []);
          get().showNotice('error', failureMessage(`Could not close ${input.name}.`, result.error));
          return FAILED;
        }
        get().showNotice('success', `Closed ${input.name}.`);
        await afterWrite();
        return SAVED;
      },

      async pinItem(sprintName, itemId) {
        const title = titleIn(get().planning, itemId);
        const result = await callBridge(bridge, 'sprints.pin', { name: sprintName, itemId });
        if (!result.ok) {
          get().showNotice('error', failureMessage(`Could not pin “${title}” to ${sprintName}.`, result.error));
          return;
        }
        get().showNotice('success', `Pinned “${title}” to ${sprintName}.`);
        await afterWrite();
      },

      async unpinItem(sprintName, itemId) {
        const title = titleIn(get().planning, itemId);
        const result = await callBridge(bridge, 'sprints.unpin', { name: sprintName, itemId });
        if (!result.ok) {
          get().showNotice('error', failureMessage(`Could not unpin “${title}” from ${sprintName}.`, result.error));
          return;
        }
        get().showNotice('success', `Unpinned “${title}” from ${sprintName}; it is planned by rank again.`);
        await afterWrite();
      },

      async excludeItem(itemId, note) {
        const title = titleIn(get().planning, itemId);
        const trimmed = note.trim();
        const result = await callBridge(bridge, 'plan.exclude', { itemId, ...(trimmed === '' ? {} : { note: trimmed }) });
        if (!result.ok) {
          get().showNotice('error', failureMessage(`Could not exclude “${title}” from the plan.`, result.error));
          return;
        }
        get().showNotice('success', `Excluded “${title}” from the plan.`);
        await afterWrite();
      },

      async includeItem(itemId) {
        const title = titleIn(get().planning, itemId);
        const result = await callBridge(bridge, 'plan.include', { itemId });
        if (!result.ok) {
          get().showNotice('error', failureMessage(`Could not include “${title}” in the plan.`, result.error));
          return;
        }
        get().showNotice('success', `Included “${title}” in the plan again.`);
        await afterWrite();
      },

      async applyScenario(reservePct, reason) {
        const trimmed = reason.trim();
        const result = await callBridge(bridge, 'scenarios.apply', { reservePct, ...(trimmed === '' ? {} : { reserveReason: trimmed }) });
        if (!result.ok) {
          if (result.error.code === 'invalid-input') return invalid(result.error.message, result.error.issues ?? []);
          get().showNotice('error', failureMessage(`Could not set a ${String(reservePct)}% reserve; no sprint was changed.`, result.error));
          return FAILED;
        }
        const count = result.value.length;
        if (count === 0) {
          get().showNotice('info', 'There are no open sprints to apply the reserve to. Add sprints in the Plan view first.');
          return FAILED;
        }
        get().showNotice('success', `Set a ${String(reservePct)}% reserve on ${String(count)} open sprint${count === 1 ? '' : 's'}.`);
        await afterWrite();
        return SAVED;
      },
    };
  };
