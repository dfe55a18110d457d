import type { Redis } from 'ioredis';
import { loadSiteAdjustment, type SiteAdjustment, type SiteAdjustmentFile } from '../domain/learning/site-adjustment.js';
import type { SuggestedRule } from '../domain/learning/suggest-rules.js';
import type { LearnedState, RuleAnswer } from '../ports.js';

/**
 * What a site's decisions taught attribution, kept per Jira site and Slack workspace (even on
 * one Redis under one prefix, nothing learned in one reaches another):
 *
 *   {prefix}:learning:{site}:{workspace}                the offsets (rebuilt by every refit)
 *   {prefix}:learning:{site}:{workspace}:suggested      suggestions not offered yet (rebuilt too)
 *   {prefix}:rule-answers:{site}:{workspace}:offered    suggestions a digest offered, written once
 *   {prefix}:rule-answers:{site}:{workspace}:answered   the PO's or PM's answer, written once
 *
 * The answers are the team's decisions about rules: kept like ownership decisions, never
 * rebuilt, so a refit after the learned state was lost restores the adopted rules and offers
 * nothing twice. A process that does not know its workspace (no Slack token, or Slack did not
 * answer at start) reads the workspace the site last learned in.
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

  private siteName(): string {
    return this.site.trim().toLowerCase().replace(/\/+$/, '');
  }

  /** The workspace this site's learning was last saved for: what a process without one reads. */
  private lastWorkspaceKey(): string {
    return `${this.prefix}:learning:${this.siteName()}:workspace`;
  }

  private async keys(): Promise<{ offsets: string; suggested: string; offered: string; answered: string }> {
    const workspace = this.workspace() ?? (await this.redis.get(this.lastWorkspaceKey())) ?? '-';
    const scope = `${this.siteName()}:${workspace}`;
    const answers = `${this.prefix}:rule-answers:${scope}`;
    return { offsets: `${this.prefix}:learning:${scope}`, suggested: `${this.prefix}:learning:${scope}:suggested`, offered: `${answers}:offered`, answered: `${answers}:answered` };
  }

  async adjustment(): Promise<SiteAdjustment | null> {
    const text = await this.redis.get((await this.keys()).offsets);
    if (!text) return null;
    // Every sync page asks; the offsets are parsed again only when a refit changed them.
    if (this.cached?.text !== text) this.cached = { text, adjustment: loadSiteAdjustment(JSON.parse(text) as SiteAdjustmentFile) };
    return this.cached.adjustment;
  }

  async save(file: SiteAdjustmentFile | null): Promise<void> {
    const { offsets } = await this.keys();
    if (file) await this.redis.set(offsets, JSON.stringify(file));
    else await this.redis.del(offsets);
    const workspace = this.workspace();
    if (workspace) await this.redis.set(this.lastWorkspaceKey(), workspace);
  }

  async saveSuggestions(rules: readonly SuggestedRule[]): Promise<void> {
    const { suggested } = await this.keys();
    const tx = this.redis.multi().del(suggested);
    if (rules.length > 0) tx.hset(suggested, Object.fromEntries(rules.map((r) => [r.id, JSON.stringify(r)])));
    await tx.exec();
  }

  async unoffered(teamId: string): Promise<SuggestedRule[]> {
    const { suggested, offered } = await this.keys();
    const [all, settled] = await Promise.all([this.redis.hvals(suggested), this.redis.hkeys(offered)]);
    return all
      .map((json) => JSON.parse(json) as SuggestedRule)
      .filter((r) => r.teamId === teamId && !settled.includes(r.id))
      .sort((a, b) => b.decisions - a.decisions || (a.id < b.id ? -1 : 1));
  }

  async markOffered(ids: readonly string[]): Promise<void> {
    const { suggested, offered } = await this.keys();
    for (const id of ids) {
      const rule = await this.redis.hget(suggested, id);
      if (rule) await this.redis.hsetnx(offered, id, rule);
    }
  }

  async answer(id: string, answer: RuleAnswer): Promise<SuggestedRule | null> {
    const { offered, answered } = await this.keys();
    const json = await this.redis.hget(offered, id);
    if (!json) return null;
    const rule = JSON.parse(json) as SuggestedRule;
    const first = await this.redis.hsetnx(answered, id, JSON.stringify({ rule, ...answer } satisfies StoredAnswer));
    return first === 1 ? rule : null;
  }

  async adopted(): Promise<SuggestedRule[]> {
    const answers = (await this.redis.hvals((await this.keys()).answered)).map((json) => JSON.parse(json) as StoredAnswer);
    return answers.filter((a) => a.adopted).map((a) => a.rule).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async settled(): Promise<Set<string>> {
    const { offered, answered } = await this.keys();
    const [shown, decided] = await Promise.all([this.redis.hkeys(offered), this.redis.hkeys(answered)]);
    return new Set([...shown, ...decided]);
  }
}

/** An answer as kept: the rule offered, and who took it or turned it down, when. */
interface StoredAnswer extends RuleAnswer {
  rule: SuggestedRule;
}
