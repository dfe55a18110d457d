import { Redis, type RedisOptions } from 'ioredis';

/**
 * Opens a Redis connection from REDIS_URL (`redis://`, `rediss://` or `unix:///path`).
 * `maxRetriesPerRequest: null` is what BullMQ workers require; commands then wait for a
 * reconnect instead of failing, so a Redis restart delays work rather than losing it.
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  const base: RedisOptions = { maxRetriesPerRequest: null, enableReadyCheck: true, ...options };
  if (url.startsWith('unix://')) {
    return new Redis({ ...base, path: url.slice('unix://'.length) });
  }
  return new Redis(url, base);
}
