import type { Redis } from 'ioredis';
import type { WeeklyDigest } from '../domain/digest/build-digest.js';
import type { OwnershipDecision } from '../domain/work-item.js';

/** Role counts of the last digest of a team, for "change since last week". */
export interface DigestRun {
  period: string;
  byRole: Record<string, number>;
  sentAt: string;
  previous?: { period: string; byRole: Record<string, number>; sentAt: string };
}

/** What the digest remembers between runs: what it posted (to edit it) and last week's counts. */
export interface DigestLedger {
  /** Stores the posted digest unless one is stored for this id already; returns the one in force and whether it is ours. */
  claimPosted(messageId: string, digest: WeeklyDigest): Promise<{ digest: WeeklyDigest; won: boolean }>;
  posted(messageId: string): Promise<WeeklyDigest | null>;
  /** The thread reply with the rest of long lists, stored before the digest is claimed. */
  claimThread(messageId: string, message: ThreadMessage): Promise<void>;
  thread(messageId: string): Promise<ThreadMessage | null>;
  /** Records a decision on a posted digest once; false if it was recorded before. */
  addTick(messageId: string, key: string, decision: OwnershipDecision): Promise<boolean>;
  ticks(messageId: string): Promise<{ key: string; decision: OwnershipDecision }[]>;
  lastRun(teamId: string): Promise<DigestRun | null>;
  saveRun(teamId: string, run: DigestRun): Promise<void>;
}

export interface ThreadMessage {
  text: string;
  blocks: unknown[];
}

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
