import { z } from 'zod';
import { ApiError } from '../api/result.js';
import { ImportSummary } from './import-schema.js';

/**
 * A background import (`import.start`): the renderer polls `import.status` for its progress and may
 * `import.cancel` it. The file is read and checked in steps that yield to other calls, then written in
 * steps inside one transaction that commits at the end, so a job cancelled at any point has written nothing.
 */
export const ImportJobRef = z.object({ jobId: z.string().min(1).max(100) }).strict();

const progress = { done: z.number().int().min(0), total: z.number().int().min(0) };

export const ImportJobStatus = z.discriminatedUnion('phase', [
  /** reading: characters of the file; mapping, checking and writing: records. */
  z.object({ phase: z.enum(['reading', 'mapping', 'checking', 'writing']), ...progress }),
  z.object({ phase: z.literal('done'), ...progress, summary: ImportSummary }),
  z.object({ phase: z.literal('failed'), ...progress, error: ApiError }),
  z.object({ phase: z.literal('cancelled'), ...progress }),
]);
export type ImportJobStatus = z.infer<typeof ImportJobStatus>;

/** Phases after which a job changes no more. */
export const isFinished = (status: ImportJobStatus): boolean =>
  status.phase === 'done' || status.phase === 'failed' || status.phase === 'cancelled';
