import { Queue } from 'bullmq';
import type { Redis, RedisOptions } from 'ioredis';
import type { Config } from '../../config/schema.js';
import type { QueueName } from '../queue/queues.js';
import { createRedis } from '../store/connection.js';
import { type AdapterOptions, type Adapters, buildAdapters } from './adapters.js';

/** A one-shot command's Redis connection: it should fail, not hang, when Redis is down. */
export const ONE_SHOT_REDIS: RedisOptions = { maxRetriesPerRequest: 3, connectTimeout: 5000 };

export interface OneShotOptions extends Omit<AdapterOptions, 'queue'> {
  /** How the command's Redis connection gives up (default: a few retries, 5 s to connect). */
  redis?: RedisOptions;
}

/**
 * Runs a one-shot command with the same adapters a process builds, on a Redis connection
 * that gives up quickly, and the
 * process's queues, so a command can hand work to a running `work` process.
 */
export async function withAdapters<T>(config: Config, run: (adapters: Adapters, redis: Redis, queue: (name: QueueName) => Queue) => Promise<T>, options: OneShotOptions = {}): Promise<T> {
  const { redis: redisOptions, ...adapterOptions } = options;
  const redis = createRedis(config.env.REDIS_URL, { ...ONE_SHOT_REDIS, ...redisOptions });
  redis.on('error', () => {});
  const queues: Queue[] = [];
  const queue = (name: QueueName) => {
    const created = new Queue(name, { connection: redis, prefix: config.env.REDIS_PREFIX });
    queues.push(created);
    return created;
  };
  try {
    return await run(buildAdapters(config, redis, { ...adapterOptions, queue }), redis, queue);
  } finally {
    await Promise.allSettled(queues.map((q) => q.close()));
    redis.disconnect();
  }
}
