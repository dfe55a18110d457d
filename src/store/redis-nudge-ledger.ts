import { RedisKeyspace } from './keyspace.js';
import type { NudgeRecord } from '../domain/nudges/select-nudges.js';
import type { NudgeLedger, NudgeMessageRecord } from '../ports.js';

const YEAR_SECONDS = 365 * 86_400;

/** Per team: what was nudged when, which message lists each item, and what was escalated. */
export class RedisNudgeLedger extends RedisKeyspace implements NudgeLedger {
  protected readonly area = 'nudges';

  async load(teamId: string): Promise<Map<string, NudgeRecord>> {
    const raw = await this.redis.hgetall(this.key('ledger', teamId));
    return new Map(Object.entries(raw).map(([k, v]) => [k, JSON.parse(v) as NudgeRecord]));
  }

  async save(teamId: string, ledger: ReadonlyMap<string, NudgeRecord>): Promise<void> {
    if (ledger.size === 0) return;
    await this.redis.hset(this.key('ledger', teamId), Object.fromEntries([...ledger].map(([k, v]) => [k, JSON.stringify(v)])));
  }

  /** Snoozing is a fresh nudge record: the cool-down then counts from now. */
  async snooze(teamId: string, key: string, until: Date, signature: string): Promise<void> {
    const at = until.toISOString();
    const existing = await this.redis.hget(this.key('ledger', teamId), key);
    const record: NudgeRecord = existing ? { ...(JSON.parse(existing) as NudgeRecord), lastNudgedAt: at } : { signature, firstNudgedAt: at, lastNudgedAt: at };
    await this.redis.hset(this.key('ledger', teamId), key, JSON.stringify(record));
  }

  async sentOn(teamId: string, day: string): Promise<number> {
    return Number((await this.redis.get(this.key('sent', teamId, day))) ?? 0);
  }

  async addSent(teamId: string, day: string, count: number): Promise<void> {
    await this.redis.incrby(this.key('sent', teamId, day), count);
    await this.redis.expire(this.key('sent', teamId, day), 3 * 86_400);
  }

  async saveMessage(record: NudgeMessageRecord): Promise<void> {
    const multi = this.redis.multi().set(this.key('message', record.outgoingId), JSON.stringify(record), 'EX', YEAR_SECONDS);
    for (const { item } of record.items) multi.set(this.key('item-message', item.key), record.outgoingId, 'EX', YEAR_SECONDS);
    await multi.exec();
  }

  async messageFor(key: string): Promise<NudgeMessageRecord | null> {
    const id = await this.redis.get(this.key('item-message', key));
    if (!id) return null;
    const raw = await this.redis.get(this.key('message', id));
    return raw ? (JSON.parse(raw) as NudgeMessageRecord) : null;
  }

  async markEscalated(teamId: string, keys: readonly string[], at: Date): Promise<void> {
    if (keys.length) await this.redis.zadd(this.key('escalated', teamId), ...keys.flatMap((k) => [at.getTime(), k]));
  }

  /** Items raised to PO and PM, oldest first, for the weekly digest. */
  async escalated(teamId: string): Promise<{ key: string; escalatedAt: string }[]> {
    const raw = await this.redis.zrange(this.key('escalated', teamId), 0, -1, 'WITHSCORES');
    const out: { key: string; escalatedAt: string }[] = [];
    for (let i = 0; i + 1 < raw.length; i += 2) out.push({ key: raw[i] as string, escalatedAt: new Date(Number(raw[i + 1])).toISOString() });
    return out;
  }

  async resolved(teamId: string, key: string): Promise<void> {
    await this.redis.zrem(this.key('escalated', teamId), key);
  }
}
