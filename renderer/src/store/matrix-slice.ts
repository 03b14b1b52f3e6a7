import type { MatrixQuery, PaydownBridge } from '../../../shared/api/contract.js';
import type { MatrixData } from '../../../shared/api/matrix-data.js';
import type { ColumnScores } from '../../../shared/scoring/score-columns.js';
import type { ItemExplanation } from '../../../shared/scoring/explanation.js';
import type { ScoringSettings } from '../../../shared/scoring/weights.js';
import { scoreInSlices } from '../matrix/chunked-scoring.js';
import type { SliceCreator } from './app-state.js';
import { callBridge } from './call-bridge.js';
import { failureMessage } from './failure-message.js';
import { MAX_SEARCH_LENGTH, type ListFilters } from './list-query.js';

export type MainView = 'table' | 'matrix' | 'plan' | 'forecast' | 'scenarios';

export interface MatrixSlice {
  view: MainView;
  /** Every item the filters match, as columns; null until the matrix is first shown. */
  matrix: MatrixData | null;
  matrixLoading: boolean;
  /** The weights and horizon in use: changed here first, so the matrix rescores before the save returns. */
  scoring: ScoringSettings | null;
  /** Scores of `matrix`'s items under `scoring`; the previous ones stay shown while a rescore runs. */
  scores: ColumnScores | null;
  rescoring: boolean;
  selectedId: string | null;
  explanation: ItemExplanation | null;
  setView: (view: MainView) => void;
  loadMatrix: () => Promise<void>;
  setScoring: (scoring: ScoringSettings) => Promise<void>;
  selectItem: (id: string | null) => Promise<void>;
}

/** The `items.matrix` input for the table's filters: the same items in both views. */
export function matrixQueryOf(filters: ListFilters): MatrixQuery {
  const text = filters.text.trim();
  return {
    ...(filters.status.length > 0 ? { status: [...filters.status] } : {}),
    ...(filters.kind.length > 0 ? { kind: [...filters.kind] } : {}),
    ...(filters.owner !== '' ? { owner: filters.owner } : {}),
    ...(filters.tag !== '' ? { tag: filters.tag } : {}),
    ...(text !== '' ? { text: text.slice(0, MAX_SEARCH_LENGTH) } : {}),
  };
}

export const createMatrixSlice =
  (bridge: PaydownBridge): SliceCreator<MatrixSlice> =>
  (set, get) => {
    let latestLoad = 0;
    let latestScore = 0;
    let latestExplain = 0;

    /** Matrix and scores are set together, so the view never pairs new items with old scores. */
    const rescore = async (matrix: MatrixData | null, scoring: ScoringSettings | null) => {
      if (matrix === null || scoring === null) return;
      const run = ++latestScore;
      set({ rescoring: true });
      const ctx = { ...scoring, sprintLengthDays: matrix.sprintLengthDays, today: matrix.today, maxInterest: matrix.maxInterest };
      const scores = await scoreInSlices(matrix.columns, ctx, () => run === latestScore);
      if (scores !== null && run === latestScore) set({ matrix, scores, rescoring: false });
    };

    const explain = async (id: string) => {
      const request = ++latestExplain;
      const result = await callBridge(bridge, 'items.explain', { id });
      if (request !== latestExplain || get().selectedId !== id) return;
      if (!result.ok) {
        set({ selectedId: null, explanation: null });
        get().showNotice('error', failureMessage('Could not explain the selected item’s score.', result.error));
        return;
      }
      set({ explanation: result.value });
    };

    return {
      view: 'table',
      matrix: null,
      matrixLoading: false,
      scoring: null,
      scores: null,
      rescoring: false,
      selectedId: null,
      explanation: null,

      setView(view) {
        set({ view });
      },

      async loadMatrix() {
        const request = ++latestLoad;
        set({ matrixLoading: true });
        const result = await callBridge(bridge, 'items.matrix', matrixQueryOf(get().filters));
        if (request !== latestLoad) return;
        if (!result.ok) {
          set({ matrixLoading: false });
          get().showNotice('error', failureMessage('Could not load the priority matrix.', result.error));
          return;
        }
        const { selectedId } = get();
        const stillShown = selectedId !== null && result.value.columns.id.includes(selectedId);
        set({ scoring: result.value.scoring, matrixLoading: false, ...(stillShown ? {} : { selectedId: null, explanation: null }) });
        await rescore(result.value, result.value.scoring);
        if (stillShown) await explain(selectedId);
      },

      async setScoring(scoring) {
        const previous = get().scoring;
        set({ scoring });
        const rescored = rescore(get().matrix, scoring);
        const result = await callBridge(bridge, 'scoring.set', scoring);
        await rescored;
        if (!result.ok) {
          set({ scoring: previous });
          await rescore(get().matrix, previous);
          get().showNotice('error', failureMessage('Could not save the scoring weights.', result.error));
          return;
        }
        const { selectedId } = get();
        if (selectedId !== null) await explain(selectedId);
      },

      async selectItem(id) {
        set({ selectedId: id, explanation: null });
        if (id === null) {
          latestExplain += 1;
          return;
        }
        await explain(id);
      },
    };
  };
