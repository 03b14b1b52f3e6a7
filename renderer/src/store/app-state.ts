import type { StateCreator } from 'zustand';
import type { EditorSlice } from './editor-slice.js';
import type { FiltersSlice } from './filters-slice.js';
import type { ImportSlice } from './import-slice.js';
import type { ItemsSlice } from './items-slice.js';
import type { MatrixSlice } from './matrix-slice.js';
import type { NoticesSlice } from './notices-slice.js';
import type { PlanningSlice } from './planning-slice.js';
import type { PortfolioSlice } from './portfolio-slice.js';

/** Everything the renderer knows, joined from the slices so any action can reach any other. */
export type AppState = ItemsSlice & FiltersSlice & PortfolioSlice & NoticesSlice & EditorSlice & MatrixSlice & PlanningSlice & ImportSlice;

export type SliceCreator<Slice> = StateCreator<AppState, [], [], Slice>;
