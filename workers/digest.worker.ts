import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { type DigestDeps, type DigestResult, sendDigest } from '../src/digest/digest-service.js';
import { QUEUES } from '../src/queue/queues.js';

const DigestJob = z.object({ teamId: z.string().min(1), channel: z.string(), scheduledAt: z.iso.datetime().optional() });

export interface DigestWorkerOptions {
  /** Blocking connection for the BullMQ Worker (its own). */
  connection: Redis;
  prefix: string;
  deps: DigestDeps;
  concurrency?: number;
  /** Lock and stall-check period: how soon a dead worker's digest is picked up by another. */
  lockDurationMs?: number;
}

/** When a job was meant to run: catch-up jobs say so; scheduler jobs were delayed until then. */
function scheduledAt(job: Job, data: z.infer<typeof DigestJob>): Date {
  return data.scheduledAt ? new Date(data.scheduledAt) : new Date(job.timestamp + (job.delay ?? 0));
}

/** The digest queue's worker: one job per team channel and period. */
export function createDigestWorker(options: DigestWorkerOptions): Worker {
  return new Worker(
    QUEUES.digest,
    async (job: Job): Promise<DigestResult> => {
      const parsed = DigestJob.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`bad digest job: ${parsed.error.message}`);
      return sendDigest(options.deps, parsed.data.teamId, scheduledAt(job, parsed.data));
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency ?? 2,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.lockDurationMs ?? 30_000,
      maxStalledCount: 10,
    },
  );
}
