import type { Redis } from 'ioredis';

/**
 * A Redis store whose keys all live under `{prefix}:{area}:…`: REDIS_PREFIX keeps one
 * deployment's keys apart from another's, the area one store's keys from the next.
 */
export abstract class RedisKeyspace {
  protected abstract readonly area: string;

  constructor(
    protected readonly redis: Redis,
    protected readonly prefix: string,
  ) {}

  protected key(...parts: string[]): string {
    return [this.prefix, this.area, ...parts].join(':');
  }
}
