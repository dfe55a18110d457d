import type { webApi } from '@slack/bolt';
import { DelayedError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { RELEASE_LOCK_SCRIPT, RENEW_LOCK_SCRIPT } from '../store/owned-lock-scripts.js';
import { metrics } from '../metrics.js';
import { deliverHead } from './deliver-head.js';
import type { OutboxKeys } from './outbox-keys.js';
import { FINISH_HEAD_SCRIPT, RELEASE_SCRIPT } from './outbox-scripts.js';
import type { DrainJobData } from './redis-outbox.js';

export interface NotifyProcessorOptions {
  redis: Redis;
  keys: OutboxKeys;
  /** Built with `rejectRateLimitedCalls: true` and `retryConfig: { retries: 0 }`: the pipeline owns retries. */
  slack: webApi.WebClient;
  logger?: Logger;
  /** Minimum gap between two messages in one channel (Slack: 1 per second). */
  perChannelIntervalMs?: number;
  /** Messages per second across the workspace; 0 = no workspace limit. */
  workspacePerSecond?: number;
  /** Attempts with an unknown outcome before a message goes to the dead-letter list. */
  retryBudget?: number;
  /** First retry delay; doubles per attempt. */
  retryBaseMs?: number;
  /**
   * A channel is drained by one worker at a time, under a lock the live worker renews while it
   * runs (so a slow Slack call cannot outlast it); a killed worker's lock expires after this long.
   */
  channelLockMs?: number;
  /** Waits up to this long are slept in the job instead of re-queued (default 1500 ms). */
  inlineWaitMs?: number;
  /** How long delivered-message records (for edits and replies) are kept. */
  deliveredTtlSeconds?: number;
}

/** Slack's clock and ours are read to the millisecond; this keeps a paced post off the exact edge. */
const PACING_MARGIN_MS = 1;

/** How long before its slot a channel's next message is read and its intent recorded. */
const PREPARE_LEAD_MS = 250;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The notify queue's job: drains one channel's FIFO in order. Short waits (the channel's
 * pacing, the workspace rate, Slack's Retry-After) are slept in the job; long ones, or a run
 * past its budget, re-queue the job (delayed) so other channels get the worker slot.
 */
export function createNotifyProcessor(options: NotifyProcessorOptions) {
  const { redis, keys, slack, logger } = options;
  const interval = options.perChannelIntervalMs ?? 1000;
  const perSecond = options.workspacePerSecond ?? 0;
  const budget = options.retryBudget ?? 5;
  const baseMs = options.retryBaseMs ?? 1000;
  const deliveredTtl = options.deliveredTtlSeconds ?? 180 * 86_400;
  const lockMs = options.channelLockMs ?? 30_000;
  const inlineWaitMs = options.inlineWaitMs ?? 1500;
  // Bounded so one busy channel does not hold a worker slot for long.
  const maxRunMs = Math.min(10_000, lockMs / 2);

  async function later(job: Job, at: number, token: string | undefined): Promise<never> {
    await job.moveToDelayed(at, token);
    throw new DelayedError();
  }

  /** A workspace-wide token for this second, or the time the next second starts. */
  async function workspaceSlot(): Promise<number> {
    if (perSecond <= 0) return 0;
    const second = Math.floor(Date.now() / 1000);
    const used = await redis.incr(keys.rate(second));
    if (used === 1) await redis.expire(keys.rate(second), 5);
    return used > perSecond ? (second + 1) * 1000 : 0;
  }

  return async function drain(job: Job<DrainJobData>, token?: string): Promise<void> {
    const { channel } = job.data;
    const lockKey = `${keys.active(channel)}:lock`;
    const owner = `${job.id}:${token ?? ''}:${Math.random()}`;
    // BullMQ can lose a job's lock while its worker still runs; this lock keeps two posts apart.
    if ((await redis.set(lockKey, owner, 'PX', lockMs, 'NX')) !== 'OK') return later(job, Date.now() + 50, token);
    const run: DrainRun = { job, deadline: Date.now() + maxRunMs };
    const renewal = setInterval(() => void redis.eval(RENEW_LOCK_SCRIPT, 1, lockKey, owner, String(lockMs)).catch(() => undefined), Math.max(10, Math.floor(lockMs / 3)));
    try {
      for (;;) {
        const nextAt = await drainLocked(run);
        if (nextAt === 0) return;
        const wait = nextAt - Date.now();
        if (wait <= 0) continue;
        // Retry-After and retry backoff: slept in place when short, re-queued when long.
        if (!canHold(run, wait)) return await later(job, nextAt, token);
        await holdUntil(nextAt);
      }
    } finally {
      clearInterval(renewal);
      await redis.eval(RELEASE_LOCK_SCRIPT, 1, lockKey, owner);
    }
  };

  /** Whether waiting `wait` ms in the job is cheaper than re-queueing and keeps the run in budget. */
  function canHold(run: DrainRun, wait: number): boolean {
    return wait <= 0 || (wait <= inlineWaitMs && Date.now() + wait <= run.deadline);
  }

  /** Sleeps in the job until `at`; the channel lock is renewed meanwhile. */
  async function holdUntil(at: number): Promise<void> {
    if (at <= Date.now()) return;
    // A timer may fire a little early by the wall clock; a paced post must not.
    for (let wait = at - Date.now(); wait > 0; wait = at - Date.now()) await sleep(wait);
  }

  /**
   * Delivers the channel's head message. Returns 0 when the channel is empty, a time in the past
   * to go on with the next message, or a future time to wait for.
   */
  async function drainLocked(run: DrainRun): Promise<number> {
    const { channel, generation } = run.job.data;
    // Pipelined reads: a drain's Redis round trips sit between two posts of a busy channel.
    const [active, id, nextRaw] = pipelineValues(await redis.pipeline().get(keys.active(channel)).lindex(keys.queue(channel), 0).get(keys.next(channel)).exec());
    // A stale drain (its generation already ended) must not run next to the current one.
    if (active !== generation) return 0;
    if (!id) {
      const left = await redis.eval(RELEASE_SCRIPT, 3, keys.queue(channel), keys.active(channel), keys.channels, channel, generation);
      return Number(left) > 0 ? Date.now() : 0;
    }
    const finish = async (outcome: 'delivered' | 'dead', landed: string, ts: string, dead: object | null, nextAt = 0): Promise<number> =>
      Number(
        await redis.eval(FINISH_HEAD_SCRIPT, 8, keys.queue(channel), keys.active(channel), keys.channels, keys.delivered(id), keys.intent(id), keys.attempts(id), keys.next(channel), keys.deadLetters, id, channel, outcome, landed, ts, String(deliveredTtl), String(nextAt), dead ? JSON.stringify(dead) : ''),
      );
    const [raw, deliveredTs, deliveredChannel, intent] = pipelineValues(await redis.pipeline().get(keys.message(id)).hget(keys.delivered(id), 'ts').hget(keys.delivered(id), 'channel').get(keys.intent(id)).exec());
    // Dead letters stay visible to operators: logged, counted by kind (the id's first part), listed.
    const deadLetter = (error: string, text?: string, attempts?: number): Promise<number> => {
      logger?.error({ outgoingId: id, channel, err: error, ...(attempts ? { attempts } : {}) }, 'message moved to the dead-letter list');
      metrics.deliveriesDeadLettered.inc({ kind: id.split(':')[0] ?? 'message' });
      return finish('dead', channel, '', { id, channel, error, at: new Date().toISOString(), ...(text ? { text } : {}) });
    };
    let left: number;
    if (deliveredTs) {
      left = await finish('delivered', deliveredChannel ?? channel, deliveredTs, null, Date.now() + interval);
    } else if (!raw) {
      left = await deadLetter('message expired before delivery');
    } else {
      // A wait too long to hold goes back to the queue before anything is recorded for the post.
      const channelAt = Number(nextRaw ?? 0);
      if (!canHold(run, channelAt - Date.now())) return channelAt;
      const untilSlot = async () => {
        await holdUntil(channelAt);
        for (let at = await workspaceSlot(); at > 0; at = await workspaceSlot()) await holdUntil(at);
      };
      const message = JSON.parse(raw);
      const outcome = await deliverHead(redis, keys, slack, message, intent ?? null, untilSlot);
      if (outcome.kind === 'delivered') {
        const slotAt = outcome.landedAt + interval + PACING_MARGIN_MS;
        left = await finish('delivered', outcome.channel, outcome.ts, null, slotAt);
        // The next message is prepared shortly before its slot, away from the burst of answers
        // other channels' posts bring back just now.
        if (left > 0) return Math.max(Date.now(), slotAt - PREPARE_LEAD_MS);
      } else if (outcome.kind === 'dead') {
        left = await deadLetter(outcome.error, message.text);
      } else if (outcome.failure.kind === 'rate-limited') {
        const at = Date.now() + outcome.failure.retryAfterMs;
        await redis.set(keys.next(channel), String(at), 'PX', 86_400_000);
        logger?.debug({ channel, retryAfterMs: outcome.failure.retryAfterMs }, 'Slack rate limit; waiting');
        return at;
      } else {
        const attempts = await redis.incr(keys.attempts(id));
        await redis.expire(keys.attempts(id), 7 * 86_400);
        if (attempts >= budget) {
          left = await deadLetter(outcome.failure.error, message.text, attempts);
        } else {
          logger?.warn({ outgoingId: id, channel, err: outcome.failure.error, attempts }, 'Slack delivery failed; retrying');
          return Date.now() + baseMs * 2 ** (attempts - 1);
        }
      }
    }
    // The next message waits for its slot just before its own post, not here.
    return left > 0 ? Date.now() : 0;
  }
}

/** The string replies of a read-only pipeline, in order; a failed command throws. */
function pipelineValues(results: [Error | null, unknown][] | null): (string | null)[] {
  return (results ?? []).map(([error, value]) => {
    if (error) throw error;
    return (value as string | null) ?? null;
  });
}

interface DrainRun {
  job: Job<DrainJobData>;
  /** The job hands the channel back (re-queued) rather than hold it past this time. */
  deadline: number;
}
