import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { createNotifyProcessor, type NotifyProcessorOptions } from '../src/delivery/notify-processor.js';
import { outboxKeys } from '../src/delivery/outbox-keys.js';
import type { DrainJobData, RedisOutbox } from '../src/delivery/redis-outbox.js';
import { QUEUES } from '../src/queue/queues.js';

const DrainJob = z.object({ channel: z.string().min(1), generation: z.string().min(1) });

export interface NotifyWorkerOptions extends Omit<NotifyProcessorOptions, 'keys'> {
  /** Blocking connection for the BullMQ Worker (its own, not the command one). */
  connection: Redis;
  prefix: string;
  /** The outbox, to re-add drain jobs lost in a crash (on start and every `repairEveryMs`). */
  outbox: RedisOutbox;
  /** Channels drained at once (each job waits on Slack, not on CPU). */
  concurrency?: number;
  /** Lock and stall-check period: how soon a dead worker's channel is picked up again. */
  lockDurationMs?: number;
  repairEveryMs?: number;
}

export interface NotifyWorker {
  worker: Worker<DrainJobData>;
  close(): Promise<void>;
}

/** Starts the notify queue's worker: every outgoing Slack message is posted here. */
export function startNotifyWorker(options: NotifyWorkerOptions): NotifyWorker {
  const drain = createNotifyProcessor({ ...options, keys: outboxKeys(options.prefix) });
  const lock = options.lockDurationMs ?? 30_000;
  const worker = new Worker<DrainJobData>(
    QUEUES.notify,
    async (job: Job<DrainJobData>, token?: string) => {
      const parsed = DrainJob.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`bad notify job: ${parsed.error.message}`);
      await drain(job, token);
    },
    { connection: options.connection, prefix: options.prefix, concurrency: options.concurrency ?? 50, lockDuration: lock, stalledInterval: lock, maxStalledCount: 1_000_000 },
  );
  const repair = () => options.outbox.repair().catch((error: Error) => options.logger?.warn({ err: error.message }, 'outbox repair failed'));
  void repair();
  const timer = setInterval(repair, options.repairEveryMs ?? 60_000);
  timer.unref();
  return {
    worker,
    async close() {
      clearInterval(timer);
      await worker.close();
    },
  };
}
