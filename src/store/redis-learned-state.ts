import type { Redis } from 'ioredis';
import { loadSiteAdjustment, type SiteAdjustment, type SiteAdjustmentFile } from '../domain/learning/site-adjustment.js';
import type { SuggestedRule } from '../domain/learning/suggest-rules.js';
import type { LearnedState } from '../ports.js';

/**
 * What a site's decisions taught attribution, under `{prefix}:learning:{site}`: one Jira site
 * per key, so nothing learned on one site reaches another. Redis keeps it across restarts; it
 * is fitted again from the decisions at every start and after every batch of decisions, so a
 * failover that lost it loses nothing for long.
 */
export class RedisLearnedState implements LearnedState {
  private cached: { text: string; adjustment: SiteAdjustment } | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly site: string,
  ) {}

  private key(): string {
    return `${this.prefix}:learning:${this.site.trim().toLowerCase().replace(/\/+$/, '')}`;
  }

  async adjustment(): Promise<SiteAdjustment | null> {
    const text = await this.redis.get(this.key());
    if (!text) return null;
    // Every sync page asks; the offsets are parsed again only when a refit changed them.
    if (this.cached?.text !== text) this.cached = { text, adjustment: loadSiteAdjustment(JSON.parse(text) as SiteAdjustmentFile) };
    return this.cached.adjustment;
  }

  async save(file: SiteAdjustmentFile | null): Promise<void> {
    if (file) await this.redis.set(this.key(), JSON.stringify(file));
    else await this.redis.del(this.key());
  }

  /** Suggested rules and what became of them: id → {rule, state}. */
  private rulesKey(): string {
    return `${this.key()}:rules`;
  }

  private async entries(): Promise<[string, StoredRule][]> {
    return Object.entries(await this.redis.hgetall(this.rulesKey())).map(([id, json]) => [id, JSON.parse(json) as StoredRule]);
  }

  async saveSuggestions(rules: readonly SuggestedRule[]): Promise<void> {
    const stale = (await this.entries()).filter(([id, e]) => e.state === 'suggested' && !rules.some((r) => r.id === id)).map(([id]) => id);
    const pipeline = this.redis.pipeline();
    if (stale.length > 0) pipeline.hdel(this.rulesKey(), ...stale);
    for (const rule of rules) pipeline.hsetnx(this.rulesKey(), rule.id, JSON.stringify({ rule, state: 'suggested' } satisfies StoredRule));
    await pipeline.exec();
  }

  async unoffered(teamId: string): Promise<SuggestedRule[]> {
    return (await this.entries()).filter(([, e]) => e.state === 'suggested' && e.rule.teamId === teamId).map(([, e]) => e.rule).sort((a, b) => b.decisions - a.decisions || (a.id < b.id ? -1 : 1));
  }

  private async move(id: string, from: readonly RuleState[], to: RuleState): Promise<SuggestedRule | null> {
    const json = await this.redis.hget(this.rulesKey(), id);
    const entry = json ? (JSON.parse(json) as StoredRule) : null;
    if (!entry || !from.includes(entry.state)) return null;
    await this.redis.hset(this.rulesKey(), id, JSON.stringify({ rule: entry.rule, state: to } satisfies StoredRule));
    return entry.rule;
  }

  async markOffered(ids: readonly string[]): Promise<void> {
    for (const id of ids) await this.move(id, ['suggested'], 'offered');
  }

  answer(id: string, adopted: boolean): Promise<SuggestedRule | null> {
    return this.move(id, ['offered'], adopted ? 'adopted' : 'declined');
  }

  async adopted(): Promise<SuggestedRule[]> {
    return (await this.entries()).filter(([, e]) => e.state === 'adopted').map(([, e]) => e.rule).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async settled(): Promise<Set<string>> {
    return new Set((await this.entries()).filter(([, e]) => e.state !== 'suggested').map(([id]) => id));
  }
}

type RuleState = 'suggested' | 'offered' | 'adopted' | 'declined';

interface StoredRule {
  rule: SuggestedRule;
  state: RuleState;
}
