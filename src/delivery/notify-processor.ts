import type { webApi } from '@slack/bolt';
import { DelayedError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
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
   * A channel is drained by one worker at a time, under a lock that outlives any Slack call
   * (WebClient timeout); a killed worker's lock expires after this long.
   */
  channelLockMs?: number;
  /** Waits up to this long are slept in the job instead of re-queued (default 1500 ms). */
  inlineWaitMs?: number;
  /** How long delivered-message records (for edits and replies) are kept. */
  deliveredTtlSeconds?: number;
}

/** Waits shorter than this are slept in place instead of re-queued (keeps pacing tight). */
const SPIN_MS = 25;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The notify queue's job: drains one channel's FIFO, one message per run, then re-queues
 * itself (delayed) until the channel is empty. Delays honour the channel's pacing, the
 * workspace rate and Slack's Retry-After.
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

  async function waitForSlot(channel: string): Promise<number> {
    const next = Number((await redis.get(keys.next(channel))) ?? 0);
    let wait = next - Date.now();
    if (wait > 0 && wait <= SPIN_MS) {
      await sleep(wait);
      wait = 0;
    }
    if (wait > 0) return next;
    if (perSecond > 0) {
      const second = Math.floor(Date.now() / 1000);
      const used = await redis.incr(keys.rate(second));
      if (used === 1) await redis.expire(keys.rate(second), 5);
      if (used > perSecond) return (second + 1) * 1000;
    }
    return 0;
  }

  return async function drain(job: Job<DrainJobData>, token?: string): Promise<void> {
    const { channel } = job.data;
    const lockKey = `${keys.active(channel)}:lock`;
    const owner = `${job.id}:${token ?? ''}:${Math.random()}`;
    // BullMQ can lose a job's lock while its worker still runs; this lock keeps two posts apart.
    if ((await redis.set(lockKey, owner, 'PX', lockMs, 'NX')) !== 'OK') return later(job, Date.now() + 50, token);
    try {
      // Short waits (channel pacing) are slept in place: re-queueing costs more than the wait.
      const started = Date.now();
      for (;;) {
        const nextAt = await drainLocked(job);
        if (nextAt === 0) return;
        const wait = nextAt - Date.now();
        if (wait > inlineWaitMs || Date.now() - started + wait > maxRunMs) return await later(job, nextAt, token);
        if (wait > 0) await sleep(wait);
        await redis.pexpire(lockKey, lockMs);
      }
    } finally {
      await redis.eval(`if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`, 1, lockKey, owner);
    }
  };

  async function drainLocked(job: Job<DrainJobData>): Promise<number> {
    const { channel, generation } = job.data;
    // A stale drain (its generation already ended) must not run next to the current one.
    if ((await redis.get(keys.active(channel))) !== generation) return 0;
    const id = await redis.lindex(keys.queue(channel), 0);
    if (!id) {
      const left = await redis.eval(RELEASE_SCRIPT, 3, keys.queue(channel), keys.active(channel), keys.channels, channel, generation);
      return Number(left) > 0 ? Date.now() : 0;
    }
    const finish = async (outcome: 'delivered' | 'dead', landed: string, ts: string, dead: object | null): Promise<number> =>
      Number(
        await redis.eval(FINISH_HEAD_SCRIPT, 8, keys.queue(channel), keys.active(channel), keys.channels, keys.delivered(id), keys.intent(id), keys.attempts(id), keys.next(channel), keys.deadLetters, id, channel, outcome, landed, ts, String(deliveredTtl), String(outcome === 'delivered' ? Date.now() + interval : 0), dead ? JSON.stringify(dead) : ''),
      );
    const raw = await redis.get(keys.message(id));
    const stored = await redis.hgetall(keys.delivered(id));
    let left: number;
    if (stored.ts) {
      left = await finish('delivered', stored.channel ?? channel, stored.ts, null);
    } else if (!raw) {
      left = await finish('dead', channel, '', { id, channel, error: 'message expired before delivery', at: new Date().toISOString() });
    } else {
      const slotAt = await waitForSlot(channel);
      if (slotAt > 0) return slotAt;
      const message = JSON.parse(raw);
      const outcome = await deliverHead(redis, keys, slack, message);
      if (outcome.kind === 'delivered') {
        left = await finish('delivered', outcome.channel, outcome.ts, null);
      } else if (outcome.kind === 'dead') {
        logger?.error({ outgoingId: id, channel, err: outcome.error }, 'message moved to the dead-letter list');
        left = await finish('dead', channel, '', { id, channel, error: outcome.error, at: new Date().toISOString(), text: message.text });
      } else if (outcome.failure.kind === 'rate-limited') {
        const at = Date.now() + outcome.failure.retryAfterMs;
        await redis.set(keys.next(channel), String(at), 'PX', 86_400_000);
        logger?.debug({ channel, retryAfterMs: outcome.failure.retryAfterMs }, 'Slack rate limit; waiting');
        return at;
      } else {
        const attempts = await redis.incr(keys.attempts(id));
        await redis.expire(keys.attempts(id), 7 * 86_400);
        if (attempts >= budget) {
          logger?.error({ outgoingId: id, channel, err: outcome.failure.error, attempts }, 'message moved to the dead-letter list');
          left = await finish('dead', channel, '', { id, channel, error: outcome.failure.error, at: new Date().toISOString(), text: message.text });
        } else {
          logger?.warn({ outgoingId: id, channel, err: outcome.failure.error, attempts }, 'Slack delivery failed; retrying');
          return Date.now() + baseMs * 2 ** (attempts - 1);
        }
      }
    }
    return left > 0 ? Math.max(Date.now(), Number((await redis.get(keys.next(channel))) ?? 0)) : 0;
  }
}
