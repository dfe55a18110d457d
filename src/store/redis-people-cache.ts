import type { Redis } from 'ioredis';
import type { PersonDirectory } from '../people/person-lookup.js';
import type { CachedLookup, PeopleCache } from '../ports.js';

/** Email → Slack / Jira id lookups, one hash per directory, so a restart need not ask again. */
export class RedisPeopleCache implements PeopleCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(directory: PersonDirectory): string {
    return `${this.prefix}:people:${directory}`;
  }

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
