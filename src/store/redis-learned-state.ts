import type { Redis } from 'ioredis';
import { loadSiteAdjustment, type SiteAdjustment, type SiteAdjustmentFile } from '../domain/learning/site-adjustment.js';
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
}
