import type { ApiError } from '../../shared/api/result.js';
import { isFinished, type ImportJobStatus } from '../../shared/import/import-job.js';
import type { ImportProgress, ImportSteps } from '../../shared/import/import-progress.js';
import type { ImportSummary } from '../../shared/import/import-schema.js';
import type { OpenImportWrite } from '../store/import-repo.js';
import { StoreError } from '../store/store-error.js';

/** How often a job that finished checking looks again whether another job's write is over. */
const WAIT_FOR_WRITER_MS = 20;

/** What a job runs: steps that only read the file, then the steps of one transaction that writes it. */
export interface ImportWork<Checked> {
  readonly steps: ImportSteps<Checked>;
  /** Opens the write (its transaction), or answers at once for a file refused before writing. */
  readonly openWrite: (checked: Checked) => OpenImportWrite | { readonly summary: ImportSummary };
  /** An unexpected failure, as the user may see it. */
  readonly failure: (error: unknown) => ApiError;
}

interface Job {
  status: ImportJobStatus;
  cancelRequested: boolean;
  /** The job's open transaction; set only while it writes. */
  write?: OpenImportWrite;
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
 * shares one connection: a job reads and checks the file in slices between other calls, then writes in
 * slices too, inside one transaction that stays open across those turns of the event loop. While it is
 * open, every other call on the connection would run inside it (and see, or be rolled back with, a
 * half-written import), so `writing` tells dispatch to turn them away until the job commits or rolls back.
 * A cancel at any point before the commit rolls everything back.
 */
export class ImportJobs {
  readonly #jobs = new Map<string, Job>();
  readonly #sliceMs: number;
  readonly #keepFinishedMs: number;
  /** The job whose transaction is open; at most one, since a connection holds one transaction. */
  #writer: Job | null = null;

  constructor(options: ImportJobsOptions = {}) {
    this.#sliceMs = options.sliceMs ?? 25;
    this.#keepFinishedMs = options.keepFinishedMs ?? 5 * 60_000;
  }

  /** True while a job's transaction is open: other calls must wait. */
  get writing(): boolean {
    return this.#writer !== null;
  }

  /** Starts a job under `id`; its first slice runs after the current call has answered. */
  start<Checked>(id: string, work: ImportWork<Checked>, total: number): void {
    const job: Job = { status: { phase: 'reading', done: 0, total }, cancelRequested: false };
    this.#jobs.set(id, job);
    const failed = (error: unknown): void => {
      this.#finish(id, job, { phase: 'failed', done: job.status.done, total: job.status.total, error: work.failure(error) });
    };
    setImmediate(() => {
      this.#runSliced(job, work.steps, failed, (checked) => {
        job.status = { phase: 'writing', done: 0, total: job.status.total };
        // One more turn before the write, so a poll can see "writing" and a last cancel still stops it.
        setImmediate(() => {
          this.#openWrite(job, id, work, checked, failed);
        });
      });
    });
  }

  /** Where a job is; a finished job's answer is given once and then forgotten. */
  status(id: string): ImportJobStatus {
    const job = this.#find(id);
    if (isFinished(job.status)) this.#forget(id, job);
    return job.status;
  }

  /** Stops a job and rolls back whatever it wrote; a job that already finished answers how it finished. */
  cancel(id: string): ImportJobStatus {
    const job = this.#find(id);
    if (!isFinished(job.status)) {
      job.cancelRequested = true;
      job.write?.abandon();
      this.#release(job);
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

  /** Runs `steps` a slice at a time, one slice per turn of the event loop, keeping the job's status current. */
  #runSliced<T>(job: Job, steps: ImportSteps<T>, failed: (error: unknown) => void, then: (value: T) => void): void {
    if (job.cancelRequested) return;
    const until = performance.now() + this.#sliceMs;
    let next: IteratorResult<ImportProgress, T>;
    try {
      for (next = steps.next(); next.done !== true; next = steps.next()) {
        job.status = progressStatus(next.value);
        if (performance.now() >= until) {
          setImmediate(() => {
            this.#runSliced(job, steps, failed, then);
          });
          return;
        }
      }
    } catch (error) {
      failed(error);
      return;
    }
    then(next.value);
  }

  #openWrite<Checked>(job: Job, id: string, work: ImportWork<Checked>, checked: Checked, failed: (error: unknown) => void): void {
    if (job.cancelRequested) return;
    if (this.#writer !== null) {
      // Another job is writing on this connection: wait for it to commit or roll back.
      setTimeout(() => {
        this.#openWrite(job, id, work, checked, failed);
      }, WAIT_FOR_WRITER_MS);
      return;
    }
    let write: OpenImportWrite | { readonly summary: ImportSummary };
    try {
      write = work.openWrite(checked);
    } catch (error) {
      failed(error);
      return;
    }
    if ('summary' in write) {
      this.#finish(id, job, { phase: 'done', done: job.status.total, total: job.status.total, summary: write.summary });
      return;
    }
    const open = write;
    this.#writer = job;
    job.write = open;
    const writeFailed = (error: unknown): void => {
      open.abandon();
      this.#release(job);
      failed(error);
    };
    this.#runSliced(job, open.steps, writeFailed, (written) => {
      let summary: ImportSummary;
      try {
        summary = open.finish(written);
      } catch (error) {
        writeFailed(error);
        return;
      }
      this.#release(job);
      this.#finish(id, job, { phase: 'done', done: job.status.total, total: job.status.total, summary });
    });
  }

  #release(job: Job): void {
    if (this.#writer === job) this.#writer = null;
    delete job.write;
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
