import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DeliveredMessage, Outbox, OutgoingMessage } from '../ports.js';
import { jobId } from '../queue/queues.js';
import { type OutboxKeys, outboxKeys } from './outbox-keys.js';
import { ENQUEUE_SCRIPT } from './outbox-scripts.js';

export interface RedisOutboxOptions {
  /** Command connection (not a blocking one). */
  redis: Redis;
  /** The BullMQ queue named QUEUES.notify. */
  queue: Queue;
  /** Key prefix (REDIS_PREFIX); defaults to the queue's prefix. */
  prefix?: string;
  /** How long an undelivered message is kept (default 7 days). */
  messageTtlSeconds?: number;
}

/** A message that could not be delivered within the retry budget, kept for operators. */
export interface DeadLetter {
  id: string;
  channel: string;
  error: string;
  at: string;
  text?: string;
}

export interface DrainJobData {
  channel: string;
  generation: string;
}

const WEEK_SECONDS = 7 * 86_400;

/** Job options of a channel drain: it never fails for good, so no channel is ever stuck. */
export const DRAIN_JOB_OPTIONS = {
  removeOnComplete: true,
  removeOnFail: 1000,
  attempts: 1_000_000,
  backoff: { type: 'fixed', delay: 500 },
} as const;

/**
 * The Outbox on Redis and BullMQ. Each channel has a FIFO of message ids and at most one
 * drain job at a time (one per "generation"), so posts in a channel stay in order and are
 * paced without holding back other channels. Enqueueing the same id twice is a no-op.
 */
export class RedisOutbox implements Outbox {
  readonly keys: OutboxKeys;
  private readonly redis: Redis;
  private readonly queue: Queue;
  private readonly ttl: number;

  constructor(options: RedisOutboxOptions) {
    this.redis = options.redis;
    this.queue = options.queue;
    this.keys = outboxKeys(options.prefix ?? options.queue.opts.prefix ?? 'bull');
    this.ttl = options.messageTtlSeconds ?? WEEK_SECONDS;
  }

  async enqueue(message: OutgoingMessage): Promise<void> {
    if (!message.id || !message.channel) throw new Error('An outgoing message needs an id and a channel.');
    if (!message.text && !message.blocks?.length) throw new Error(`Outgoing message ${message.id} has no text.`);
    const k = this.keys;
    const json = JSON.stringify({ ...message, enqueuedAt: Date.now() });
    const [, generation] = (await this.redis.eval(
      ENQUEUE_SCRIPT,
      6,
      k.message(message.id),
      k.queue(message.channel),
      k.active(message.channel),
      k.generation,
      k.channels,
      k.delivered(message.id),
      message.id,
      json,
      String(this.ttl),
      message.channel,
    )) as [number, string | null];
    // Adding is idempotent by job id; re-adding after a crash between the script and here repairs it.
    if (generation) await this.addDrain(message.channel, generation);
  }

  async delivered(id: string): Promise<DeliveredMessage | null> {
    const hash = await this.redis.hgetall(this.keys.delivered(id));
    if (!hash.ts || !hash.channel) return null;
    return { id, channel: hash.channel, ts: hash.ts };
  }

  /** Newest first. */
  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    return readDeadLetters(this.redis, this.keys, limit);
  }

  /** Messages still waiting in a channel. */
  async pending(channel: string): Promise<number> {
    return this.redis.llen(this.keys.queue(channel));
  }

  /** Makes sure every channel with waiting messages has its drain job (after a crash mid-enqueue). */
  async repair(): Promise<number> {
    const channels = await this.redis.smembers(this.keys.channels);
    let repaired = 0;
    for (const channel of channels) {
      const generation = await this.redis.get(this.keys.active(channel));
      if (!generation) continue;
      await this.addDrain(channel, generation);
      repaired++;
    }
    return repaired;
  }

  private async addDrain(channel: string, generation: string): Promise<void> {
    const data: DrainJobData = { channel, generation };
    await this.queue.add('drain', data, { ...DRAIN_JOB_OPTIONS, jobId: jobId('drain', channel, generation) });
  }
}

export async function readDeadLetters(redis: Redis, keys: OutboxKeys, limit = 100): Promise<DeadLetter[]> {
  const raw = await redis.lrange(keys.deadLetters, 0, Math.max(0, limit - 1));
  return raw.map((line) => JSON.parse(line) as DeadLetter);
}
