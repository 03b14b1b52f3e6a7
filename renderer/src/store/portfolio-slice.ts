import type { PaydownBridge, PortfolioInfo } from '../../../shared/api/contract.js';
import type { Settings, SettingsPatch } from '../../../shared/domain/settings.js';
import type { SliceCreator } from './app-state.js';
import { callBridge } from './call-bridge.js';
import { failureMessage } from './failure-message.js';
import { FAILED, SAVED, type SaveOutcome } from './save-outcome.js';

export type StartupState =
  | { readonly phase: 'starting' }
  | { readonly phase: 'ready' }
  | { readonly phase: 'failed'; readonly message: string };

export interface PortfolioSlice {
  startup: StartupState;
  /** Name, file path, owners and tags of the open portfolio; null until startup succeeds. */
  portfolio: PortfolioInfo | null;
  settings: Settings | null;
  settingsOpen: boolean;
  loadingSample: boolean;
  /** Opens the portfolio; a failure shows the startup error screen instead of an empty window. */
  start: () => Promise<void>;
  refreshPortfolio: () => Promise<void>;
  loadSample: () => Promise<void>;
  openSettings: () => Promise<void>;
  closeSettings: () => void;
  saveSettings: (patch: SettingsPatch) => Promise<SaveOutcome>;
}

export const createPortfolioSlice =
  (bridge: PaydownBridge): SliceCreator<PortfolioSlice> =>
  (set, get) => ({
    startup: { phase: 'starting' },
    portfolio: null,
    settings: null,
    settingsOpen: false,
    loadingSample: false,

    async start() {
      set({ startup: { phase: 'starting' } });
      const info = await callBridge(bridge, 'portfolio.info', {});
      if (!info.ok) {
        set({ startup: { phase: 'failed', message: failureMessage('', info.error) } });
        return;
      }
      set({ portfolio: info.value, startup: { phase: 'ready' } });
      await get().loadItems();
    },

    async refreshPortfolio() {
      const info = await callBridge(bridge, 'portfolio.info', {});
      if (!info.ok) {
        get().showNotice('error', failureMessage('Could not refresh the portfolio details.', info.error));
        return;
      }
      set({ portfolio: info.value });
    },

    async loadSample() {
      if (get().loadingSample) return;
      set({ loadingSample: true });
      const result = await callBridge(bridge, 'portfolio.loadSample', {});
      set({ loadingSample: false });
      if (!result.ok) {
        get().showNotice('error', failureMessage('Could not load the sample portfolio.', result.error));
        return;
      }
      get().showNotice('success', `Loaded ${result.value.created} sample debt items.`);
      await Promise.all([get().loadItems(), get().refreshPortfolio()]);
    },

    async openSettings() {
      const result = await callBridge(bridge, 'settings.get', {});
      if (!result.ok) {
        get().showNotice('error', failureMessage('Could not open the settings.', result.error));
        return;
      }
      set({ settings: result.value, settingsOpen: true, editor: null, deleteTarget: null });
    },

    closeSettings() {
      set({ settingsOpen: false });
    },

    async saveSettings(patch) {
      const result = await callBridge(bridge, 'settings.set', patch);
      if (!result.ok) {
        if (result.error.code === 'invalid-input') {
          return { status: 'invalid', message: result.error.message, issues: result.error.issues ?? [] };
        }
        get().showNotice('error', failureMessage('Could not save the settings.', result.error));
        return FAILED;
      }
      set({ settings: result.value, settingsOpen: false });
      get().showNotice('success', 'Settings saved.');
      await get().refreshPortfolio();
      return SAVED;
    },
  });
