import type { Redis } from 'ioredis';
import type { WeeklyDigest } from '../domain/digest/build-digest.js';
import type { DigestLedger, DigestRun, ThreadMessage } from '../ports.js';
import type { OwnershipDecision } from '../domain/work-item.js';

const KEEP_SECONDS = 35 * 86_400;

/** The ledger in Redis under `{prefix}:digest:*`; posted digests are kept five weeks. */
export class RedisDigestLedger implements DigestLedger {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private k(...parts: string[]): string {
    return [this.prefix, 'digest', ...parts].join(':');
  }

  async claimPosted(messageId: string, digest: WeeklyDigest): Promise<{ digest: WeeklyDigest; won: boolean }> {
    const key = this.k('posted', messageId);
    const set = await this.redis.set(key, JSON.stringify(digest), 'EX', KEEP_SECONDS, 'NX');
    if (set === 'OK') return { digest, won: true };
    return { digest: (await this.posted(messageId)) ?? digest, won: false };
  }

  async posted(messageId: string): Promise<WeeklyDigest | null> {
    const json = await this.redis.get(this.k('posted', messageId));
    return json ? (JSON.parse(json) as WeeklyDigest) : null;
  }

  async claimThread(messageId: string, message: ThreadMessage): Promise<void> {
    await this.redis.set(this.k('thread', messageId), JSON.stringify(message), 'EX', KEEP_SECONDS, 'NX');
  }

  async thread(messageId: string): Promise<ThreadMessage | null> {
    const json = await this.redis.get(this.k('thread', messageId));
    return json ? (JSON.parse(json) as ThreadMessage) : null;
  }

  async addTick(messageId: string, key: string, decision: OwnershipDecision): Promise<boolean> {
    const hash = this.k('ticks', messageId);
    const added = await this.redis.hsetnx(hash, key, JSON.stringify(decision));
    await this.redis.expire(hash, KEEP_SECONDS);
    return added === 1;
  }

  async ticks(messageId: string): Promise<{ key: string; decision: OwnershipDecision }[]> {
    const all = await this.redis.hgetall(this.k('ticks', messageId));
    return Object.entries(all)
      .map(([key, json]) => ({ key, decision: JSON.parse(json) as OwnershipDecision }))
      .sort((a, b) => a.decision.decidedAt.localeCompare(b.decision.decidedAt) || a.key.localeCompare(b.key));
  }

  async lastRun(teamId: string): Promise<DigestRun | null> {
    const json = await this.redis.get(this.k('run', teamId));
    return json ? (JSON.parse(json) as DigestRun) : null;
  }

  async saveRun(teamId: string, run: DigestRun): Promise<void> {
    await this.redis.set(this.k('run', teamId), JSON.stringify(run));
  }
}
