import type { Redis } from 'ioredis';
import { loadSiteAdjustment, type SiteAdjustment, type SiteAdjustmentFile } from '../domain/learning/site-adjustment.js';
import type { SuggestedRule } from '../domain/learning/suggest-rules.js';
import type { LearnedState } from '../ports.js';

/**
 * What a site's decisions taught attribution, under `{prefix}:learning:{site}:{workspace}`: one
 * key per Jira site and Slack workspace, so nothing learned on one reaches another, even on one
 * Redis under one prefix. A process that does not know its workspace (no Slack token, or Slack
 * did not answer at start) reads the workspace the site last learned in. Redis keeps it across
 * restarts; it is fitted again from the decisions at every start and after every batch of
 * decisions, so a failover that lost it loses nothing for long.
 */
export class RedisLearnedState implements LearnedState {
  private cached: { text: string; adjustment: SiteAdjustment } | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly site: string,
    /** The Slack workspace of the process (auth.test's team id), once known. */
    private readonly workspace: () => string | undefined = () => undefined,
  ) {}

  private siteKey(): string {
    return `${this.prefix}:learning:${this.site.trim().toLowerCase().replace(/\/+$/, '')}`;
  }

  /** The workspace this site's learning was last saved for: what a process without one reads. */
  private lastWorkspaceKey(): string {
    return `${this.siteKey()}:workspace`;
  }

  private async key(): Promise<string> {
    const workspace = this.workspace() ?? (await this.redis.get(this.lastWorkspaceKey())) ?? '-';
    return `${this.siteKey()}:${workspace}`;
  }

  async adjustment(): Promise<SiteAdjustment | null> {
    const text = await this.redis.get(await this.key());
    if (!text) return null;
    // Every sync page asks; the offsets are parsed again only when a refit changed them.
    if (this.cached?.text !== text) this.cached = { text, adjustment: loadSiteAdjustment(JSON.parse(text) as SiteAdjustmentFile) };
    return this.cached.adjustment;
  }

  async save(file: SiteAdjustmentFile | null): Promise<void> {
    const key = await this.key();
    if (file) await this.redis.set(key, JSON.stringify(file));
    else await this.redis.del(key);
    const workspace = this.workspace();
    if (workspace) await this.redis.set(this.lastWorkspaceKey(), workspace);
  }

  /** Suggested rules and what became of them: id → {rule, state}. */
  private async rulesKey(): Promise<string> {
    return `${await this.key()}:rules`;
  }

  private async entries(): Promise<[string, StoredRule][]> {
    return Object.entries(await this.redis.hgetall(await this.rulesKey())).map(([id, json]) => [id, JSON.parse(json) as StoredRule]);
  }

  async saveSuggestions(rules: readonly SuggestedRule[]): Promise<void> {
    const key = await this.rulesKey();
    const stale = (await this.entries()).filter(([id, e]) => e.state === 'suggested' && !rules.some((r) => r.id === id)).map(([id]) => id);
    const pipeline = this.redis.pipeline();
    if (stale.length > 0) pipeline.hdel(key, ...stale);
    for (const rule of rules) pipeline.hsetnx(key, rule.id, JSON.stringify({ rule, state: 'suggested' } satisfies StoredRule));
    await pipeline.exec();
  }

  async unoffered(teamId: string): Promise<SuggestedRule[]> {
    return (await this.entries()).filter(([, e]) => e.state === 'suggested' && e.rule.teamId === teamId).map(([, e]) => e.rule).sort((a, b) => b.decisions - a.decisions || (a.id < b.id ? -1 : 1));
  }

  private async move(id: string, from: readonly RuleState[], to: RuleState): Promise<SuggestedRule | null> {
    const key = await this.rulesKey();
    const json = await this.redis.hget(key, id);
    const entry = json ? (JSON.parse(json) as StoredRule) : null;
    if (!entry || !from.includes(entry.state)) return null;
    await this.redis.hset(key, id, JSON.stringify({ rule: entry.rule, state: to } satisfies StoredRule));
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
