import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PaydownBridge } from '../../../shared/api/contract.js';
import type { AppState } from './app-state.js';
import { createEditorSlice } from './editor-slice.js';
import { createFiltersSlice } from './filters-slice.js';
import { createImportSlice } from './import-slice.js';
import { createItemsSlice } from './items-slice.js';
import { createMatrixSlice } from './matrix-slice.js';
import { createNoticesSlice } from './notices-slice.js';
import { createPlanningSlice } from './planning-slice.js';
import { createPortfolioSlice } from './portfolio-slice.js';

export type AppStore = StoreApi<AppState>;

/** The renderer's single store. The bridge is a parameter so tests can hand in a fake. */
export function createAppStore(bridge: PaydownBridge): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createItemsSlice(bridge)(...a),
    ...createFiltersSlice(...a),
    ...createPortfolioSlice(bridge)(...a),
    ...createNoticesSlice(...a),
    ...createEditorSlice(...a),
    ...createMatrixSlice(bridge)(...a),
    ...createPlanningSlice(bridge)(...a),
    ...createImportSlice(bridge)(...a),
  }));
}
