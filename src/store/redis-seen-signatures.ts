import type { Redis } from 'ioredis';
import type { SeenSignatures } from '../ports.js';

/** Replay protection backed by Redis: SET NX with a TTL, so a signature is accepted once. */
export function redisSeenSignatures(redis: Redis, prefix: string): SeenSignatures {
  return async (signature, ttlSeconds) => (await redis.set(`${prefix}:slack-seen:${signature}`, '1', 'EX', ttlSeconds, 'NX')) === 'OK';
}
