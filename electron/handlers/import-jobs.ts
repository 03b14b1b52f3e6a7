import type { ApiError, Result } from '../../shared/api/result.js';
import { isFinished, type ImportJobStatus } from '../../shared/import/import-job.js';
import type { ImportProgress, ImportSteps } from '../../shared/import/import-progress.js';
import type { ImportSummary } from '../../shared/import/import-schema.js';
import { StoreError } from '../store/store-error.js';

/** What a job runs: steps that only read the file (any number of event-loop turns), then one synchronous write. */
export interface ImportWork<Checked> {
  readonly steps: ImportSteps<Checked>;
  /** Writes everything in one transaction, answering a Result so its failures keep their code. */
  readonly write: (checked: Checked) => Result<ImportSummary>;
  /** An unexpected failure while reading, as the user may see it. */
  readonly failure: (error: unknown) => ApiError;
}

interface Job {
  status: ImportJobStatus;
  cancelRequested: boolean;
  forget?: ReturnType<typeof setTimeout>;
}

export interface ImportJobsOptions {
  /** How long a step may run before the job yields to other calls. */
  readonly sliceMs?: number;
  /** How long a finished job waits for its status to be read before it is forgotten. */
  readonly keepFinishedMs?: number;
}

/**
 * The import jobs of one portfolio connection, in memory. better-sqlite3 is synchronous and every handler
 * shares one connection, so a job never holds a transaction across a yield (another call would run inside
 * it, and be rolled back with a cancelled import): it reads and checks the file in slices, then writes in
 * one transaction that starts and commits within a single turn of the event loop.
 */
export class ImportJobs {
  readonly #jobs = new Map<string, Job>();
  readonly #sliceMs: number;
  readonly #keepFinishedMs: number;

  constructor(options: ImportJobsOptions = {}) {
    this.#sliceMs = options.sliceMs ?? 25;
    this.#keepFinishedMs = options.keepFinishedMs ?? 5 * 60_000;
  }

  /** Starts a job under `id`; its first slice runs after the current call has answered. */
  start<Checked>(id: string, work: ImportWork<Checked>, total: number): void {
    const job: Job = { status: { phase: 'reading', done: 0, total }, cancelRequested: false };
    this.#jobs.set(id, job);
    setImmediate(() => {
      this.#runSlice(job, id, work);
    });
  }

  /** Where a job is; a finished job's answer is given once and then forgotten. */
  status(id: string): ImportJobStatus {
    const job = this.#find(id);
    if (isFinished(job.status)) this.#forget(id, job);
    return job.status;
  }

  /** Stops a job before it writes anything; a job that already finished answers how it finished. */
  cancel(id: string): ImportJobStatus {
    const job = this.#find(id);
    if (!isFinished(job.status)) {
      job.cancelRequested = true;
      this.#finish(id, job, { phase: 'cancelled', done: job.status.done, total: job.status.total });
    }
    this.#forget(id, job);
    return job.status;
  }

  #find(id: string): Job {
    const job = this.#jobs.get(id);
    if (job === undefined) {
      throw new StoreError('not-found', `No import job ${id} is running here: it finished and was read already, or it never started.`);
    }
    return job;
  }

  #runSlice<Checked>(job: Job, id: string, work: ImportWork<Checked>): void {
    if (job.cancelRequested) return;
    const until = performance.now() + this.#sliceMs;
    try {
      for (;;) {
        const next = work.steps.next();
        if (next.done === true) {
          this.#beforeWrite(job, id, work, next.value);
          return;
        }
        job.status = progressStatus(next.value);
        if (performance.now() >= until) break;
      }
    } catch (error) {
      this.#finish(id, job, { phase: 'failed', done: job.status.done, total: job.status.total, error: work.failure(error) });
      return;
    }
    setImmediate(() => {
      this.#runSlice(job, id, work);
    });
  }

  /** One more turn before the write, so a poll can see "writing" and a last cancel still stops it. */
  #beforeWrite<Checked>(job: Job, id: string, work: ImportWork<Checked>, checked: Checked): void {
    job.status = { phase: 'writing', done: 0, total: job.status.total };
    setImmediate(() => {
      if (job.cancelRequested) return;
      const result = work.write(checked);
      const { done, total } = job.status;
      this.#finish(id, job, result.ok ? { phase: 'done', done: total, total, summary: result.value } : { phase: 'failed', done, total, error: result.error });
    });
  }

  #finish(id: string, job: Job, status: ImportJobStatus): void {
    job.status = status;
    // Nobody may ever ask (a closed window): the answer is dropped after a while rather than kept forever.
    job.forget = setTimeout(() => this.#jobs.delete(id), this.#keepFinishedMs);
    job.forget.unref();
  }

  #forget(id: string, job: Job): void {
    clearTimeout(job.forget);
    this.#jobs.delete(id);
  }
}

const progressStatus = (progress: ImportProgress): ImportJobStatus => ({ phase: progress.phase, done: progress.done, total: progress.total });
