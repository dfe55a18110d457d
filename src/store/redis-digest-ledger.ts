import { RedisKeyspace } from './keyspace.js';
import type { WeeklyDigest } from '../domain/digest/build-digest.js';
import type { DigestLedger, DigestRun, ThreadMessage } from '../ports.js';
import type { Resolution } from '../domain/resolution.js';

const KEEP_SECONDS = 35 * 86_400;

/** The ledger in Redis under `{prefix}:digest:*`; posted digests are kept five weeks. */
export class RedisDigestLedger extends RedisKeyspace implements DigestLedger {
  protected readonly area = 'digest';

  async claimPosted(messageId: string, digest: WeeklyDigest): Promise<{ digest: WeeklyDigest; won: boolean }> {
    const key = this.key('posted', messageId);
    const set = await this.redis.set(key, JSON.stringify(digest), 'EX', KEEP_SECONDS, 'NX');
    if (set === 'OK') return { digest, won: true };
    return { digest: (await this.posted(messageId)) ?? digest, won: false };
  }

  async posted(messageId: string): Promise<WeeklyDigest | null> {
    const json = await this.redis.get(this.key('posted', messageId));
    return json ? (JSON.parse(json) as WeeklyDigest) : null;
  }

  async claimThread(messageId: string, message: ThreadMessage): Promise<void> {
    await this.redis.set(this.key('thread', messageId), JSON.stringify(message), 'EX', KEEP_SECONDS, 'NX');
  }

  async thread(messageId: string): Promise<ThreadMessage | null> {
    const json = await this.redis.get(this.key('thread', messageId));
    return json ? (JSON.parse(json) as ThreadMessage) : null;
  }

  async addTick(messageId: string, key: string, resolution: Resolution): Promise<boolean> {
    const hash = this.key('ticks', messageId);
    const added = await this.redis.hsetnx(hash, key, JSON.stringify(resolution));
    await this.redis.expire(hash, KEEP_SECONDS);
    return added === 1;
  }

  async ticks(messageId: string): Promise<{ key: string; resolution: Resolution }[]> {
    const all = await this.redis.hgetall(this.key('ticks', messageId));
    const at = (r: Resolution) => ('decision' in r ? r.decision.decidedAt : r.attributed.at);
    return Object.entries(all)
      .map(([key, json]) => ({ key, resolution: JSON.parse(json) as Resolution }))
      .sort((a, b) => at(a.resolution).localeCompare(at(b.resolution)) || a.key.localeCompare(b.key));
  }

  async lastRun(teamId: string): Promise<DigestRun | null> {
    const json = await this.redis.get(this.key('run', teamId));
    return json ? (JSON.parse(json) as DigestRun) : null;
  }

  async saveRun(teamId: string, run: DigestRun): Promise<void> {
    await this.redis.set(this.key('run', teamId), JSON.stringify(run));
  }
}
