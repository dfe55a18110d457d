import type { Redis } from 'ioredis';
import type { TeamProfile } from '../domain/team.js';
import { needsAttention, type Verdict } from '../domain/verdict.js';
import type { WorkItem } from '../domain/work-item.js';
import { isAwaitingAcceptance } from '../domain/acceptance/acceptance-queue.js';
import type { ItemStore } from '../ports.js';
import { decodeItem, decodeVerdict, encodeItem, encodeVerdict } from './item-codec.js';

/**
 * Items and verdicts in Redis, indexed so `/who-owns`, digests and reminders never call Jira
 * on the hot path:
 *   {prefix}:items              hash key → compact item
 *   {prefix}:verdicts           hash key → compact verdict
 *   {prefix}:team:{id}          set of the team's keys
 *   {prefix}:attention:{id}     set of keys needing attention
 *   {prefix}:acceptance:{id}    set of keys waiting for PO acceptance
 */
export class RedisItemStore implements ItemStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly teams: readonly Pick<TeamProfile, 'id' | 'acceptance'>[],
    private readonly siteUrl = '',
  ) {}

  private key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  async getItem(key: string) {
    return (await this.getItems([key]))[0] ?? null;
  }

  async getItems(keys: readonly string[]) {
    if (keys.length === 0) return [];
    const values = await this.redis.hmgetBuffer(this.key('items'), ...keys);
    return values.map((v, i) => (v ? decodeItem(keys[i] as string, v, this.siteUrl) : null));
  }

  async getVerdict(key: string) {
    return (await this.getVerdicts([key]))[0] ?? null;
  }

  async getVerdicts(keys: readonly string[]) {
    if (keys.length === 0) return [];
    const values = await this.redis.hmgetBuffer(this.key('verdicts'), ...keys);
    return values.map((v, i) => (v ? decodeVerdict(keys[i] as string, v) : null));
  }

  async teamItemKeys(teamId: string) {
    return this.redis.smembers(this.key('team', teamId));
  }

  async attentionKeys(teamId: string) {
    return this.redis.smembers(this.key('attention', teamId));
  }

  async awaitingAcceptanceKeys(teamId: string) {
    return this.redis.smembers(this.key('acceptance', teamId));
  }

  async putItems(items: readonly WorkItem[]) {
    if (items.length === 0) return;
    await this.redis.hset(this.key('items'), Object.fromEntries(items.map((item) => [item.key, encodeItem(item)])));
  }

  /** Stores verdicts and moves their keys between the team, attention and acceptance indexes. */
  async putVerdicts(verdicts: readonly Verdict[]) {
    if (verdicts.length === 0) return;
    const keys = verdicts.map((v) => v.key);
    const [previous, items] = await Promise.all([this.getVerdicts(keys), this.getItems(keys)]);
    const tx = this.redis.multi();
    tx.hset(this.key('verdicts'), Object.fromEntries(verdicts.map((v) => [v.key, encodeVerdict(v)])));
    verdicts.forEach((verdict, i) => {
      const old = previous[i];
      if (old?.teamId && old.teamId !== verdict.teamId) {
        tx.srem(this.key('team', old.teamId), verdict.key);
        tx.srem(this.key('attention', old.teamId), verdict.key);
        tx.srem(this.key('acceptance', old.teamId), verdict.key);
      }
      if (!verdict.teamId) return;
      tx.sadd(this.key('team', verdict.teamId), verdict.key);
      if (needsAttention(verdict)) tx.sadd(this.key('attention', verdict.teamId), verdict.key);
      else tx.srem(this.key('attention', verdict.teamId), verdict.key);
      const team = this.teams.find((t) => t.id === verdict.teamId);
      const item = items[i];
      const waiting = Boolean(team && item && isAwaitingAcceptance(item, team));
      if (waiting) tx.sadd(this.key('acceptance', verdict.teamId), verdict.key);
      else tx.srem(this.key('acceptance', verdict.teamId), verdict.key);
    });
    await tx.exec();
  }

  async deleteItems(keys: readonly string[]) {
    if (keys.length === 0) return;
    const previous = await this.getVerdicts(keys);
    const tx = this.redis.multi();
    tx.hdel(this.key('items'), ...keys);
    tx.hdel(this.key('verdicts'), ...keys);
    previous.forEach((old, i) => {
      if (!old?.teamId) return;
      for (const index of ['team', 'attention', 'acceptance']) tx.srem(this.key(index, old.teamId), keys[i] as string);
    });
    await tx.exec();
  }

  /** Every stored key (for reconciliation and offline search). */
  async allKeys(): Promise<string[]> {
    return this.redis.hkeys(this.key('items'));
  }
}
