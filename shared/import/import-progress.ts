/**
 * An import runs as a generator of progress steps, so one code path serves both the synchronous
 * `import.run` (stepped straight to the end) and a background job that yields to the event loop
 * between steps, reports how far it got and can be stopped with nothing written.
 */
type ImportPhase = 'reading' | 'mapping' | 'checking' | 'writing';

export interface ImportProgress {
  readonly phase: ImportPhase;
  /** Characters while reading; records while mapping (cells to fields), checking (against the item schema) and writing. */
  readonly done: number;
  readonly total: number;
}

export type ImportSteps<T> = Generator<ImportProgress, T, void>;

/** Runs the steps to their end without pausing: the synchronous path, telling `onStep` (a terminal's progress line) each one. */
export function finishSteps<T>(steps: ImportSteps<T>, onStep?: (progress: ImportProgress) => void): T {
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
    onStep?.(next.value);
  }
}
