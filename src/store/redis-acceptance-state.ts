import type { Redis } from 'ioredis';

/**
 * What the acceptance reminders remember per item: snoozes, how many reminders listed it,
 * whether it was raised in the team channel, and a short lock so a double click or two POs
 * clicking at once run a Jira transition only once.
 */
export class RedisAcceptanceState {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(kind: string, item: string): string {
    return `${this.prefix}:acceptance:${kind}:${item}`;
  }

  async snooze(item: string, until: Date): Promise<void> {
    await this.redis.set(this.key('snooze', item), until.toISOString(), 'PXAT', until.getTime());
  }

  async snoozed(items: readonly string[]): Promise<Set<string>> {
    if (items.length === 0) return new Set();
    const values = await this.redis.mget(...items.map((i) => this.key('snooze', i)));
    return new Set(items.filter((_, i) => values[i]));
  }

  async countReminder(items: readonly string[]): Promise<void> {
    const tx = this.redis.multi();
    for (const item of items) tx.incr(this.key('reminders', item)).expire(this.key('reminders', item), 90 * 86_400);
    await tx.exec();
  }

  async reminders(item: string): Promise<number> {
    return Number((await this.redis.get(this.key('reminders', item))) ?? 0);
  }

  /** True the first time a reminder id is seen: one reminder per PO per day, counted once. */
  async markReminded(id: string): Promise<boolean> {
    return (await this.redis.set(this.key('reminded', id), '1', 'EX', 3 * 86_400, 'NX')) === 'OK';
  }

  /** True the first time only: an item is raised in the team channel once. */
  async markEscalated(item: string): Promise<boolean> {
    return (await this.redis.set(this.key('escalated', item), new Date().toISOString(), 'EX', 90 * 86_400, 'NX')) === 'OK';
  }

  /** Takes the item's action lock; false while another click is being handled. */
  async lock(item: string, ms = 30_000): Promise<boolean> {
    return (await this.redis.set(this.key('lock', item), '1', 'PX', ms, 'NX')) === 'OK';
  }

  async unlock(item: string): Promise<void> {
    await this.redis.del(this.key('lock', item));
  }

  /** Records that the item was accepted or sent back; later clicks see it. */
  async markHandled(item: string, outcome: string): Promise<void> {
    // Long enough to absorb double clicks and retries; the item may come back for acceptance later.
    await this.redis.set(this.key('handled', item), outcome, 'EX', 600);
  }

  async handled(item: string): Promise<string | null> {
    return this.redis.get(this.key('handled', item));
  }
}
