import { RedisKeyspace } from './keyspace.js';
import type { OwnershipDecision } from '../domain/work-item.js';
import type { DecisionStore } from '../ports.js';

/**
 * Ownership decisions as an append-only list per item (`{prefix}:decisions:{key}`): the last
 * entry is in force, the list is the audit trail of who decided what and when. Redis runs
 * with append-only persistence, so decisions survive a restart.
 */
export class RedisDecisionStore extends RedisKeyspace implements DecisionStore {
  protected readonly area = 'decisions';

  async record(key: string, decision: OwnershipDecision): Promise<void> {
    await this.redis.rpush(this.key(key), JSON.stringify(decision));
  }

  async latest(key: string): Promise<OwnershipDecision | null> {
    const last = await this.redis.lindex(this.key(key), -1);
    return last ? (JSON.parse(last) as OwnershipDecision) : null;
  }

  async latestMany(keys: readonly string[]): Promise<Map<string, OwnershipDecision>> {
    if (keys.length === 0) return new Map();
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.lindex(this.key(key), -1);
    const results = (await pipeline.exec()) ?? [];
    const found = new Map<string, OwnershipDecision>();
    results.forEach(([error, value], i) => {
      if (!error && typeof value === 'string') found.set(keys[i] as string, JSON.parse(value) as OwnershipDecision);
    });
    return found;
  }

  async history(key: string): Promise<OwnershipDecision[]> {
    return (await this.redis.lrange(this.key(key), 0, -1)).map((d) => JSON.parse(d) as OwnershipDecision);
  }
}
