import { MAX_BULK_ITEMS } from '../../../shared/api/bulk-update.js';
import type { MatrixQuery, PaydownBridge } from '../../../shared/api/contract.js';
import { readMatrixDataInSteps } from '../../../shared/api/matrix-codec.js';
import type { LoadedMatrix } from '../../../shared/api/matrix-data.js';
import type { DebtItemPatch } from '../../../shared/domain/debt-item.js';
import type { ItemExplanation } from '../../../shared/scoring/explanation.js';
import { DEFAULT_THRESHOLDS, type QuadrantThresholds, type ScoringSettings } from '../../../shared/scoring/weights.js';
import type { XAxisKey, YAxisKey } from '../matrix/axes.js';
import { scoreInSlices, type ScoredColumns } from '../matrix/chunked-scoring.js';
import type { ColourBy } from '../matrix/palette.js';
import { indexesOf } from '../matrix/selection.js';
import { idleTask, nextTask, runInSlices } from '../matrix/time-slices.js';
import { deriveAhead } from '../matrix/view-derived.js';
import type { SliceCreator } from './app-state.js';
import { callBridge } from './call-bridge.js';
import { formatItemCount } from '../components/display-format.js';
import { failureMessage } from './failure-message.js';
import { MAX_SEARCH_LENGTH, type ListFilters } from './list-query.js';
import { FAILED, SAVED, type SaveOutcome } from './save-outcome.js';

export type MainView = 'table' | 'matrix' | 'plan' | 'forecast' | 'scenarios';

/** How the matrix is drawn: kept here, not in the view, so a look at the table and back keeps them. */
export interface MatrixChoices {
  readonly x: XAxisKey;
  readonly y: YAxisKey;
  readonly colourBy: ColourBy;
}

const DEFAULT_CHOICES: MatrixChoices = { x: 'roi', y: 'risk', colourBy: 'kind' };

/**
 * Thresholds are saved once typing pauses this long: typing "12" is one save and one audit entry, not one
 * for "1" and another for "12".
 */
export const SAVE_THRESHOLDS_AFTER_MS = 500;

/** A matrix with the query it answers (its JSON), so reading the same query again can first ask whether it is still exact. */
export type HeldMatrix = LoadedMatrix & { readonly queryKey: string };

export interface MatrixSlice {
  view: MainView;
  /** Every item the filters match, as columns; null until the matrix is first read. */
  matrix: HeldMatrix | null;
  matrixLoading: boolean;
  /** The weights and horizon in use: changed here first, so the matrix rescores before the save returns. */
  scoring: ScoringSettings | null;
  /** Scores of `matrix`'s items under `scoring`; the previous ones stay shown while a rescore runs. */
  scores: ScoredColumns | null;
  rescoring: boolean;
  selectedId: string | null;
  explanation: ItemExplanation | null;
  setView: (view: MainView) => void;
  matrixChoices: MatrixChoices;
  setMatrixChoices: (choices: Partial<MatrixChoices>) => void;
  /**
   * Moves the quadrant lines at once (scores do not depend on them, so nothing is rescored) and saves them with
   * the portfolio's scoring settings when typing pauses; a failed save is reported and the lines stay.
   */
  setThresholds: (thresholds: QuadrantThresholds) => void;
  /** Reads the matrix for the table's filters, or only checks that the one held is still exact. */
  loadMatrix: () => Promise<void>;
  /**
   * Reads the matrix in the background before anyone asks for it (the app calls it once the table is shown
   * and the page is idle), so opening the matrix view draws at once. Does nothing once a matrix is held.
   */
  prefetchMatrix: () => Promise<void>;
  setScoring: (scoring: ScoringSettings) => Promise<void>;
  selectItem: (id: string | null) => Promise<void>;
  /** Items picked with a box or lasso for a bulk action; by id, so a reload that reorders the columns keeps them. */
  bulkSelection: ReadonlySet<string>;
  bulkBusy: boolean;
  /** Replaces the bulk selection and answers the set now held, which the view's index memo can be told. */
  setBulkSelection: (ids: readonly string[]) => ReadonlySet<string>;
  clearBulkSelection: () => void;
  /**
   * Applies one change to every selected item, all or nothing. `done` words the notice for the count, e.g.
   * (n) => `Planned ${n}.`; on success the selection clears, on failure a notice says why and it stays.
   */
  bulkUpdate: (changes: DebtItemPatch, done: (count: string) => string) => Promise<SaveOutcome>;
}

const NO_SELECTION: ReadonlySet<string> = new Set();

const nextTaskPromise = () =>
  new Promise<void>((resolve) => {
    nextTask(resolve);
  });

/** The selected items, in the matrix's order, with the version the matrix read them at, which the host checks before changing any. */
function bulkTargetsOf(matrix: LoadedMatrix, selection: ReadonlySet<string>): { id: string; version: number }[] {
  const indexes = indexesOf(matrix.idIndex, selection);
  return indexes.map((i) => ({ id: matrix.columns.id[i] ?? '', version: matrix.columns.version[i] ?? 1 }));
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
    const rescore = async (matrix: HeldMatrix | null, scoring: ScoringSettings | null) => {
      if (matrix === null || scoring === null) return;
      const run = ++latestScore;
      set({ rescoring: true });
      const ctx = { ...scoring, sprintLengthDays: matrix.sprintLengthDays, today: matrix.today, maxInterest: matrix.maxInterest };
      const scores = await scoreInSlices(matrix.columns, ctx, () => run === latestScore);
      if (scores !== null && run === latestScore) {
        set({ matrix, scores, rescoring: false });
        // Seen in DevTools' performance panel and by the benchmark: the matrix is ready to draw from here on.
        performance.mark('paydown:matrix-scored', { detail: { points: scores.count } });
        idleTask(() => {
          const now = get();
          if (now.matrix === matrix && now.scores === scores) deriveAhead(matrix, scores, now.scoring?.thresholds ?? DEFAULT_THRESHOLDS, now.matrixChoices.colourBy);
        });
      }
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

    /** Thresholds shown but not saved yet: a matrix read meanwhile keeps them instead of the stored ones. */
    let unsavedThresholds: QuadrantThresholds | null = null;
    let thresholdsTimer: ReturnType<typeof setTimeout> | undefined;
    const saveThresholds = async () => {
      const thresholds = unsavedThresholds;
      if (thresholds === null) return;
      const result = await callBridge(bridge, 'scoring.set', { thresholds });
      if (unsavedThresholds === thresholds) unsavedThresholds = null;
      if (!result.ok) get().showNotice('error', failureMessage('Could not save the quadrant thresholds.', result.error));
    };

    /** The read in progress, so a second request for the same items joins it instead of reading 100k items twice. */
    let inFlight: { key: string; done: Promise<void> } | null = null;
    const track = async (key: string, done: Promise<void>) => {
      const entry = { key, done };
      inFlight = entry;
      try {
        await done;
      } finally {
        if (inFlight === entry) inFlight = null;
      }
    };

    /**
     * Reads the matrix for `query` unless the one held for it is still exact. `report` is false for the
     * background read, whose failure is left for the read the matrix view asks for to report.
     */
    const read = async (query: MatrixQuery, key: string, report: boolean) => {
      const request = ++latestLoad;
      const held = get().matrix;
      if (held !== null && held.queryKey === key) {
        const current = await callBridge(bridge, 'items.matrixRevision', {});
        if (request !== latestLoad) return;
        // Nothing in the portfolio changed since it was read (nor the date): its items and scores are exact.
        if (current.ok && current.value.revision === held.revision) {
          set({ matrixLoading: false });
          return;
        }
      }
      set({ matrixLoading: true });
      const answer = await callBridge(bridge, 'items.matrix', query);
      if (request !== latestLoad) return;
      // Neither bridge checks what a host answers; the compact columns are checked and decoded here, once,
      // a column per task so 100k items never block the page for long.
      const result = answer.ok ? await readMatrixDataInSteps(answer.value, nextTaskPromise) : answer;
      if (request !== latestLoad) return;
      if (!result.ok) {
        set({ matrixLoading: false });
        if (report) get().showNotice('error', failureMessage('Could not load the priority matrix.', result.error));
        return;
      }
      const loaded: HeldMatrix = { ...result.value, queryKey: key };
      const { selectedId, bulkSelection } = get();
      const stillShown = selectedId !== null && loaded.idIndex.has(selectedId);
      // A filter change can hide selected items; a bulk action must only touch what the matrix shows.
      if (bulkSelection.size > 0) {
        const shown = bulkTargetsOf(loaded, bulkSelection);
        if (shown.length < bulkSelection.size) set({ bulkSelection: shown.length === 0 ? NO_SELECTION : new Set(shown.map((t) => t.id)) });
      }
      const scoring = unsavedThresholds === null ? loaded.scoring : { ...loaded.scoring, thresholds: unsavedThresholds };
      set({ scoring, matrixLoading: false, ...(stillShown ? {} : { selectedId: null, explanation: null }) });
      await rescore(loaded, scoring);
      // Once drawn, the id map for selections is built while the page is idle, so the first box selection
      // over 100k points does not hash every id in one long task.
      const { idIndex } = loaded;
      // It goes on while this matrix is held: a later check that finds it still exact (opening the view after the
      // background read) must not stop it, or the first selection would hash every id in one long task.
      void runInSlices(loaded.columns.count, (_from, to) => {
        idIndex.indexUpTo(to);
      }, { schedule: idleTask, startNow: false, isCurrent: () => get().matrix === loaded && !idIndex.complete });
      if (stillShown) await explain(selectedId);
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
      bulkSelection: NO_SELECTION,
      bulkBusy: false,

      setView(view) {
        set({ view });
      },

      matrixChoices: DEFAULT_CHOICES,
      setMatrixChoices(choices) {
        set({ matrixChoices: { ...get().matrixChoices, ...choices } });
      },

      setThresholds(thresholds) {
        const scoring = get().scoring;
        if (scoring === null) return;
        set({ scoring: { ...scoring, thresholds } });
        unsavedThresholds = thresholds;
        clearTimeout(thresholdsTimer);
        thresholdsTimer = setTimeout(() => {
          void saveThresholds();
        }, SAVE_THRESHOLDS_AFTER_MS);
      },

      async loadMatrix() {
        const query = matrixQueryOf(get().filters);
        const key = JSON.stringify(query);
        // A read of the same items already on its way (often the background one) is awaited, not repeated;
        // then the revision check below makes sure what it read is still exact, and reports any failure.
        if (inFlight?.key === key) await inFlight.done;
        await track(key, read(query, key, true));
      },

      async prefetchMatrix() {
        if (get().matrix !== null || inFlight !== null) return;
        const query = matrixQueryOf(get().filters);
        const key = JSON.stringify(query);
        await track(key, read(query, key, false));
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

      setBulkSelection(ids) {
        const bulkSelection = ids.length === 0 ? NO_SELECTION : new Set(ids);
        set({ bulkSelection });
        return bulkSelection;
      },

      clearBulkSelection() {
        set({ bulkSelection: NO_SELECTION });
      },

      async bulkUpdate(changes, done) {
        const { matrix, bulkSelection, showNotice } = get();
        if (matrix === null || bulkSelection.size === 0) return FAILED;
        const items = bulkTargetsOf(matrix, bulkSelection);
        if (items.length > MAX_BULK_ITEMS) {
          showNotice('error', `One change covers at most ${formatItemCount(MAX_BULK_ITEMS)}; ${formatItemCount(items.length)} are selected. Select fewer and repeat.`);
          return FAILED;
        }
        set({ bulkBusy: true });
        const result = await callBridge(bridge, 'items.bulkUpdate', { items, changes });
        set({ bulkBusy: false });
        if (!result.ok) {
          showNotice('error', failureMessage(`Could not change the ${formatItemCount(items.length)} selected.`, result.error));
          // After a conflict the matrix must show the current versions before the user tries again.
          if (result.error.code === 'conflict') await Promise.all([get().loadItems(), get().refreshPortfolio()]);
          return FAILED;
        }
        set({ bulkSelection: NO_SELECTION });
        showNotice('success', done(formatItemCount(result.value.updated)));
        // The table reloads its page; the matrix follows the table's items, so both show the change.
        await Promise.all([get().loadItems(), get().refreshPortfolio()]);
        return SAVED;
      },
    };
  };
