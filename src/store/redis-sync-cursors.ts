import { randomUUID } from 'node:crypto';
import { RedisKeyspace } from './keyspace.js';
import { RELEASE_LOCK_SCRIPT, RENEW_LOCK_SCRIPT } from './owned-lock-scripts.js';
import type { ScopeClaim, ScopeProgress, SyncCursors } from '../ports.js';

/** Sync cursors, progress and each scope's claim under `{prefix}:sync:*`. */
export class RedisSyncCursors extends RedisKeyspace implements SyncCursors {
  protected readonly area = 'sync';

  async claim(scope: string, ms: number): Promise<ScopeClaim | null> {
    const key = this.key('claim', scope);
    const owner = randomUUID();
    if ((await this.redis.set(key, owner, 'PX', ms, 'NX')) !== 'OK') return null;
    const renewal = setInterval(() => void this.redis.eval(RENEW_LOCK_SCRIPT, 1, key, owner, String(ms)).catch(() => undefined), Math.max(10, Math.floor(ms / 3)));
    renewal.unref();
    return {
      release: async () => {
        clearInterval(renewal);
        // A claim Redis cannot drop now lapses on its own; the run's own outcome is what counts.
        await this.redis.eval(RELEASE_LOCK_SCRIPT, 1, key, owner).catch(() => undefined);
      },
    };
  }

  async cursor(scope: string): Promise<string | null> {
    return this.redis.get(this.key('cursor', scope));
  }

  async progress(scope: string): Promise<ScopeProgress | null> {
    const text = await this.redis.get(this.key('progress', scope));
    return text ? (JSON.parse(text) as ScopeProgress) : null;
  }

  async saveProgress(scope: string, progress: ScopeProgress): Promise<void> {
    await this.redis.set(this.key('progress', scope), JSON.stringify(progress));
  }

  /** Keys seen by the current full run, kept in Redis so a resumed run still reconciles correctly. */
  async markSeen(scope: string, keys: readonly string[]): Promise<void> {
    if (keys.length) await this.redis.sadd(this.key('seen', scope), ...keys);
  }

  async seen(scope: string): Promise<Set<string>> {
    return new Set(await this.redis.smembers(this.key('seen', scope)));
  }

  /** What the scope's last sync could not read (empty when everything was). */
  async saveWarnings(scope: string, warnings: readonly string[]): Promise<void> {
    if (warnings.length) await this.redis.set(this.key('warnings', scope), JSON.stringify(warnings));
    else await this.redis.del(this.key('warnings', scope));
  }

  async warnings(scope: string): Promise<string[]> {
    const text = await this.redis.get(this.key('warnings', scope));
    return text ? (JSON.parse(text) as string[]) : [];
  }

  /** The last syncs' warnings of these scopes, only those that have any. */
  async allWarnings(scopes: readonly string[]): Promise<Record<string, string[]>> {
    if (scopes.length === 0) return {};
    const texts = await this.redis.mget(...scopes.map((s) => this.key('warnings', s)));
    return Object.fromEntries(scopes.flatMap((scope, i) => (texts[i] ? [[scope, JSON.parse(texts[i] as string) as string[]]] : [])));
  }

  /** Ends a run: the cursor moves to the run's start; progress and the seen set are dropped. */
  async complete(scope: string, startedAt: string): Promise<void> {
    await this.redis
      .multi()
      .set(this.key('cursor', scope), startedAt)
      .del(this.key('progress', scope), this.key('seen', scope))
      .exec();
  }
}
