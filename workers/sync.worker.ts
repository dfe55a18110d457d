import { DelayedError, type Job, type Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { JiraRequestError } from '../src/jira/jira-errors.js';
import { QUEUES } from '../src/queue/queues.js';
import type { ScopeSummary, SyncDeps } from '../src/sync/sync-team.js';
import { refreshItems, ScopeBusyError, syncTeam } from '../src/sync/sync-team.js';
import type { RegisteredWebhookState } from '../src/ports.js';

export const SyncJobData = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('scope'), teamId: z.string(), mode: z.enum(['full', 'incremental']) }),
  z.object({ kind: z.literal('refresh'), keys: z.array(z.string()).min(1).max(1000) }),
  z.object({ kind: z.literal('webhooks') }),
]);
export type SyncJobData = z.infer<typeof SyncJobData>;

/** Keeps the webhook registered through Jira's REST API alive (JIRA_WEBHOOK_URL); absent: none is registered. */
export type KeepWebhook = () => Promise<RegisteredWebhookState>;

export function createSyncProcessor(deps: SyncDeps, keepWebhook?: KeepWebhook) {
  return async function processSync(job: Job, token?: string): Promise<ScopeSummary | RegisteredWebhookState> {
    const parsed = SyncJobData.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`bad sync job: ${parsed.error.message}`);
    const data = parsed.data;
    try {
      if (data.kind === 'refresh') return await refreshItems(deps, data.keys);
      if (data.kind === 'webhooks') {
        if (!keepWebhook) throw new UnrecoverableError('no webhook is registered through the REST API here (JIRA_WEBHOOK_URL unset)');
        return await keepWebhook();
      }
      const team = deps.teams.find((t) => t.id === data.teamId);
      if (!team) throw new UnrecoverableError(`team ${data.teamId} is no longer in the team file`);
      return await syncTeam(deps, team, data.mode);
    } catch (error) {
      // The running sync may have read its items before this job's changes: run after it, not never.
      if (error instanceof ScopeBusyError) {
        await job.moveToDelayed(Date.now() + error.retryInMs, token);
        throw new DelayedError();
      }
      // Bad credentials or missing permission: retrying cannot help until an operator acts.
      if (error instanceof JiraRequestError && error.failure.kind === 'auth') throw new UnrecoverableError(error.message);
      throw error;
    }
  };
}

export interface SyncWorkerOptions {
  /**
   * Lock and stall-check period, and how soon a dead worker's claim on its scope lapses: how
   * soon its sync is picked up by another, which resumes it from the saved progress. BullMQ's
   * default (30 s) when unset.
   */
  lockDurationMs?: number;
  keepWebhook?: KeepWebhook;
}

export function startSyncWorker(deps: SyncDeps, connection: Redis, prefix: string, options: SyncWorkerOptions = {}): Worker {
  const ms = options.lockDurationMs;
  const lock = ms === undefined ? {} : { lockDuration: ms, stalledInterval: ms };
  const processor = createSyncProcessor(ms === undefined ? deps : { ...deps, claimMs: ms }, options.keepWebhook);
  // Two jobs at once (e.g. a scope sync and a webhook refresh); both share the site's request gate.
  return new Worker(QUEUES.sync, processor, { connection, prefix, concurrency: 2, ...lock });
}

/** Incremental sync every 15 minutes and a full one (reconciliation) nightly, per team. */
export async function scheduleSync(queue: Queue, teamIds: readonly string[], options: { incrementalEveryMs?: number; fullPattern?: string } = {}): Promise<void> {
  const wanted = new Set<string>();
  for (const teamId of teamIds) {
    const incremental = `sync-${teamId}`;
    const full = `sync-full-${teamId}`;
    wanted.add(incremental).add(full);
    await queue.upsertJobScheduler(incremental, { every: options.incrementalEveryMs ?? 15 * 60_000 }, { name: 'scope', data: { kind: 'scope', teamId, mode: 'incremental' }, opts: { attempts: 5, backoff: { type: 'exponential', delay: 30_000 } } });
    await queue.upsertJobScheduler(full, { pattern: options.fullPattern ?? '0 3 * * *', tz: 'UTC' }, { name: 'scope', data: { kind: 'scope', teamId, mode: 'full' }, opts: { attempts: 5, backoff: { type: 'exponential', delay: 60_000 } } });
  }
  // Teams removed from the team file leave no schedule behind.
  for (const scheduler of await queue.getJobSchedulers()) {
    if (scheduler.key.startsWith('sync-') && !wanted.has(scheduler.key)) await queue.removeJobScheduler(scheduler.key);
  }
}

const WEBHOOK_SCHEDULER = 'jira-webhook';

/**
 * The registered webhook is checked daily (refreshed well before it expires) and once at
 * start, so a new URL or team file takes effect at once; without registration, no schedule.
 */
export async function scheduleWebhookUpkeep(queue: Queue, registered: boolean): Promise<void> {
  if (!registered) {
    await queue.removeJobScheduler(WEBHOOK_SCHEDULER);
    return;
  }
  const opts = { attempts: 5, backoff: { type: 'exponential', delay: 60_000 } };
  // A daily pattern, not `every`: BullMQ runs an `every` schedule at once, and the job at start already does.
  await queue.upsertJobScheduler(WEBHOOK_SCHEDULER, { pattern: '30 4 * * *', tz: 'UTC' }, { name: 'webhooks', data: { kind: 'webhooks' }, opts });
  await queue.add('webhooks', { kind: 'webhooks' }, { ...opts, jobId: `${WEBHOOK_SCHEDULER}-at-start`, removeOnComplete: true, removeOnFail: true });
}

/** Queues a webhook refresh; the delivery id makes a redelivered webhook the same job. */
export async function enqueueRefresh(queue: Queue, keys: string[], deliveryId: string): Promise<void> {
  await queue.add('refresh', { kind: 'refresh', keys }, { jobId: `refresh-${deliveryId.replace(/:/g, '_')}`, attempts: 5, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: { age: 3600 }, removeOnFail: { age: 7 * 24 * 3600 } });
}
