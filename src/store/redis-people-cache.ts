import { RedisKeyspace } from './keyspace.js';
import type { PersonDirectory } from '../people/person-lookup.js';
import type { CachedLookup, PeopleCache } from '../ports.js';

/** Email → Slack / Jira id lookups, one hash per directory, so a restart need not ask again. */
export class RedisPeopleCache extends RedisKeyspace implements PeopleCache {
  protected readonly area = 'people';

  async get(directory: PersonDirectory, emails: readonly string[]): Promise<Map<string, CachedLookup>> {
    const found = new Map<string, CachedLookup>();
    if (emails.length === 0) return found;
    const raw = await this.redis.hmget(this.key(directory), ...emails);
    emails.forEach((email, i) => {
      const value = raw[i];
      if (value) found.set(email, JSON.parse(value) as CachedLookup);
    });
    return found;
  }

  async put(directory: PersonDirectory, email: string, lookup: CachedLookup): Promise<void> {
    await this.redis.hset(this.key(directory), email, JSON.stringify(lookup));
  }
}
