import type { Job, Worker } from 'bullmq';
import { metrics, recordSyncSuccess } from '../metrics.js';
import type { QueueName } from '../queue/queues.js';
import type { Runtime } from './build-runtime.js';

/** Several BullMQ Workers of one queue, with what else must stop when they do (timers…). */
export interface WorkerGroup {
  workers: Worker[];
  close(): Promise<void>;
}

/** How the runtime starts one queue's worker and its schedules. */
export interface WorkerDefinition {
  queue: QueueName;
  /** Builds and starts the BullMQ Worker(s) (use `rt.connection(...)` and `rt.prefix`). */
  start(rt: Runtime): Worker | WorkerGroup | Promise<Worker | WorkerGroup>;
  /** Upserts the job schedulers that feed this queue (idempotent; every `work` process may call it). */
  schedule?(rt: Runtime): Promise<void>;
}

export interface RunningWorkers {
  workers: Worker[];
  /** Stops taking jobs and waits for running ones to finish (BullMQ `worker.close()`). */
  close(): Promise<void>;
}

/** A finished scope sync feeds the sync-lag gauge and the items counter. */
function recordSyncResult(queue: QueueName, result: unknown): void {
  if (queue !== 'sync' || !result || typeof result !== 'object') return;
  const summary = result as { scope?: unknown; fetched?: unknown; error?: unknown };
  if (typeof summary.scope !== 'string') return;
  if (typeof summary.fetched === 'number') metrics.itemsSynced.inc({ scope: summary.scope }, summary.fetched);
  if (!summary.error) recordSyncSuccess(summary.scope);
}

function observe(worker: Worker, rt: Runtime, queue: QueueName): void {
  const log = rt.logger.child({ queue });
  const seconds = (job: Job) => (job.finishedOn && job.processedOn ? (job.finishedOn - job.processedOn) / 1000 : 0);
  worker.on('completed', (job, result: unknown) => {
    metrics.jobDuration.observe({ queue, outcome: 'completed' }, seconds(job));
    recordSyncResult(queue, result);
    log.debug({ jobId: job.id, jobName: job.name, ms: Math.round(seconds(job) * 1000) }, 'job completed');
  });
  worker.on('failed', (job, error) => {
    if (job) metrics.jobDuration.observe({ queue, outcome: 'failed' }, seconds(job));
    log.warn({ jobId: job?.id, jobName: job?.name, attempt: job?.attemptsMade, err: error.message }, 'job failed');
  });
  worker.on('stalled', (jobId) => log.warn({ jobId }, 'job stalled (its worker died); it runs again'));
  worker.on('error', (error) => log.warn({ err: error.message }, 'worker error'));
}

/**
 * Starts the workers for the chosen queues and upserts their schedules. Several `work`
 * processes may run this against the same Redis: BullMQ hands each job to one of them.
 */
export async function startWorkers(rt: Runtime, definitions: readonly WorkerDefinition[], queues?: readonly QueueName[]): Promise<RunningWorkers> {
  const chosen = queues ? definitions.filter((d) => queues.includes(d.queue)) : [...definitions];
  const workers: Worker[] = [];
  const groups: WorkerGroup[] = [];
  for (const definition of chosen) {
    const started = await definition.start(rt);
    const group: WorkerGroup = 'workers' in started ? started : { workers: [started], close: () => started.close() };
    for (const worker of group.workers) observe(worker, rt, definition.queue);
    workers.push(...group.workers);
    groups.push(group);
  }
  for (const definition of chosen) {
    if (!definition.schedule) continue;
    try {
      await definition.schedule(rt);
    } catch (error) {
      // A bad schedule must not stop the other queues; the error names the queue.
      rt.logger.error({ queue: definition.queue, err: error }, 'could not upsert schedules');
    }
  }
  rt.logger.info({ queues: chosen.map((d) => d.queue) }, 'workers started');
  return {
    workers,
    async close() {
      await Promise.allSettled(groups.map((g) => g.close()));
    },
  };
}
