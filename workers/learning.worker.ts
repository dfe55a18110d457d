import { type Job, type Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { type RefitDeps, type RefitSummary, refitSite } from '../src/learning/refit-site.js';
import { jobId, QUEUES } from '../src/queue/queues.js';

const RefitJob = z.object({ reason: z.enum(['decision', 'start']) });

/** Decisions recorded within one window share a refit. */
const BATCH_MS = 1_000;

export function createLearningProcessor(deps: RefitDeps) {
  return async function processRefit(job: Job): Promise<RefitSummary> {
    const parsed = RefitJob.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`bad learning job: ${parsed.error.message}`);
    return refitSite(deps);
  };
}

export function startLearningWorker(deps: RefitDeps, connection: Redis, prefix: string): Worker {
  return new Worker(QUEUES.learning, createLearningProcessor(deps), { connection, prefix, concurrency: 1 });
}

/**
 * Queues a refit at the end of the current window: the job id names the window, so a burst of
 * clicks is one refit, and a decision recorded while a refit runs gets the next one.
 */
export async function enqueueRefit(queue: Queue, reason: 'decision' | 'start', now: number = Date.now()): Promise<void> {
  const window = Math.floor(now / BATCH_MS);
  await queue.add('refit', { reason }, { jobId: jobId('refit', reason, window), delay: (window + 1) * BATCH_MS - now, attempts: 3, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: { age: 3600 }, removeOnFail: { age: 86_400 } });
}
