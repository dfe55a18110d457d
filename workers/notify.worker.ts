import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { createNotifyProcessor, type NotifyProcessorOptions } from '../src/delivery/notify-processor.js';
import { outboxKeys } from '../src/delivery/outbox-keys.js';
import type { DrainJobData } from '../src/delivery/redis-outbox.js';
import type { DeliveryOutbox } from '../src/ports.js';
import { QUEUES } from '../src/queue/queues.js';

const DrainJob = z.object({ channel: z.string().min(1), generation: z.string().min(1) });

export interface NotifyWorkerOptions extends Omit<NotifyProcessorOptions, 'keys'> {
  /** Blocking connection for the BullMQ Worker (its own, not the command one). */
  connection: Redis;
  prefix: string;
  /** The outbox, to re-add drain jobs lost in a crash (on start and every `repairEveryMs`). */
  outbox: DeliveryOutbox;
  /** Channels drained at once (each job waits on Slack, not on CPU). */
  concurrency?: number;
  /** Lock and stall-check period: how soon a dead worker's channel is picked up again. */
  lockDurationMs?: number;
  repairEveryMs?: number;
}

export interface NotifyWorker {
  /** The BullMQ Workers sharing the queue in this process (see JOBS_PER_FETCHER). */
  workers: Worker<DrainJobData>[];
  waitUntilReady(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A BullMQ Worker fetches its jobs one at a time and starts none until it has as many as its
 * concurrency allows; several Workers fetch side by side, so a batch for hundreds of channels
 * gets its first posts out sooner.
 */
const JOBS_PER_FETCHER = 25;

/** Starts the notify queue's workers: every outgoing Slack message is posted here. */
export function startNotifyWorker(options: NotifyWorkerOptions): NotifyWorker {
  const drain = createNotifyProcessor({ ...options, keys: outboxKeys(options.prefix) });
  const lock = options.lockDurationMs ?? 30_000;
  const concurrency = options.concurrency ?? 50;
  const fetchers = Math.ceil(concurrency / JOBS_PER_FETCHER);
  const processDrain = async (job: Job<DrainJobData>, token?: string) => {
    const parsed = DrainJob.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`bad notify job: ${parsed.error.message}`);
    await drain(job, token);
  };
  const workers = Array.from(
    { length: fetchers },
    () =>
      new Worker<DrainJobData>(QUEUES.notify, processDrain, {
        connection: options.connection,
        prefix: options.prefix,
        concurrency: Math.ceil(concurrency / fetchers),
        lockDuration: lock,
        stalledInterval: lock,
        maxStalledCount: 1_000_000,
      }),
  );
  const repair = () => options.outbox.repair().catch((error: Error) => options.logger?.warn({ err: error.message }, 'outbox repair failed'));
  void repair();
  const timer = setInterval(repair, options.repairEveryMs ?? 60_000);
  timer.unref();
  return {
    workers,
    async waitUntilReady() {
      await Promise.all(workers.map((w) => w.waitUntilReady()));
    },
    async close() {
      clearInterval(timer);
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
