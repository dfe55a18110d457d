import { RedisKeyspace } from './keyspace.js';
import type { AcceptanceState, RedrawClaim, ReminderRecord } from '../ports.js';

/** Reminders are edited for as long as the outbox remembers where they landed (7 days). */
const REMINDER_TTL_SECONDS = 7 * 86_400;

// One atomic compare-and-set per redraw: the same picture twice is one edit, however many
// passes and clicks race. KEYS: record. ARGV: signature, pending ('1' outbox, '0' drawn).
const CLAIM_REDRAW_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
if redis.call('HGET', KEYS[1], 'sig') == ARGV[1] then
  return {tonumber(redis.call('HGET', KEYS[1], 'version') or '0'), tonumber(redis.call('HGET', KEYS[1], 'pending') or '0')}
end
local version = redis.call('HINCRBY', KEYS[1], 'version', 1)
redis.call('HSET', KEYS[1], 'sig', ARGV[1], 'pending', ARGV[2])
return {version, tonumber(ARGV[2])}
`;

// KEYS: record. ARGV: version. Clears `pending` unless a newer redraw was claimed meanwhile.
const REDRAWN_SCRIPT = `
if redis.call('HGET', KEYS[1], 'version') == ARGV[1] then redis.call('HSET', KEYS[1], 'pending', '0') end
return 1
`;

/**
 * What the acceptance reminders remember per item: snoozes, how many reminders listed it,
 * whether it was raised in the team channel, and a short lock so a double click or two POs
 * clicking at once run a Jira transition only once. Per reminder DM: the items it listed, so
 * it can be edited when they leave the queue in Slack or in Jira.
 */
export class RedisAcceptanceState extends RedisKeyspace implements AcceptanceState {
  protected readonly area = 'acceptance';

  /**
   * Hides the item until `until`. The date is compared with the caller's clock, not Redis's;
   * the key itself expires a day after the snooze ends, as clean-up.
   */
  async snooze(item: string, until: Date, now: Date): Promise<void> {
    const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) + 86_400;
    await this.redis.set(this.key('snooze', item), until.toISOString(), 'EX', seconds);
  }

  /** Snoozed items among `items`, with the end of each snooze. */
  async snoozedUntil(items: readonly string[], now: Date): Promise<Map<string, Date>> {
    if (items.length === 0) return new Map();
    const values = await this.redis.mget(...items.map((i) => this.key('snooze', i)));
    const snoozed = new Map<string, Date>();
    items.forEach((item, i) => {
      const until = values[i] ? new Date(values[i] as string) : undefined;
      if (until && until.getTime() > now.getTime()) snoozed.set(item, until);
    });
    return snoozed;
  }

  async snoozed(items: readonly string[], now: Date): Promise<Set<string>> {
    return new Set((await this.snoozedUntil(items, now)).keys());
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

  /** Remembers what a reminder listed; it becomes the team's reminder that later changes edit. */
  async rememberReminder(record: Omit<ReminderRecord, 'left'> & { signature: string }): Promise<void> {
    const key = this.key('reminder', record.id);
    await this.redis
      .multi()
      .hset(key, { teamId: record.teamId, channel: record.channel, keys: JSON.stringify(record.keys), sig: record.signature, version: '0', pending: '0' })
      .expire(key, REMINDER_TTL_SECONDS)
      .set(this.key('latest-reminder', record.teamId), record.id, 'EX', REMINDER_TTL_SECONDS)
      .exec();
  }

  /** The outgoing id of the team's most recent reminder, if it is still remembered. */
  async latestReminder(teamId: string): Promise<string | null> {
    return this.redis.get(this.key('latest-reminder', teamId));
  }

  async reminder(id: string): Promise<ReminderRecord | null> {
    const hash = await this.redis.hgetall(this.key('reminder', id));
    if (!hash.teamId || !hash.channel || !hash.keys) return null;
    const left: Record<string, string> = {};
    for (const [field, value] of Object.entries(hash)) if (field.startsWith('left:')) left[field.slice('left:'.length)] = value;
    return { id, teamId: hash.teamId, channel: hash.channel, keys: JSON.parse(hash.keys) as string[], left };
  }

  /**
   * The line a reminder shows for an item that left it. The first line stays (later passes do
   * not reword it); `replace` is for what a click in Slack knows better.
   */
  async noteLeft(id: string, item: string, line: string, replace = false): Promise<void> {
    const key = this.key('reminder', id);
    if (replace) await this.redis.hset(key, `left:${item}`, line);
    else await this.redis.hsetnx(key, `left:${item}`, line);
  }

  /** The item is waiting again (snooze over, back in its acceptance status): it gets its buttons back. */
  async clearLeft(id: string, item: string): Promise<void> {
    await this.redis.hdel(this.key('reminder', id), `left:${item}`);
  }

  /**
   * Claims a redraw of the reminder showing `signature`. A new picture gets a new version;
   * `via: 'response'` means the click already redrew the message itself, `'outbox'` that an
   * edit must be enqueued (pending until `redrawn`). Null when the reminder is not remembered.
   */
  async claimRedraw(id: string, signature: string, via: 'outbox' | 'response'): Promise<RedrawClaim | null> {
    const answer = (await this.redis.eval(CLAIM_REDRAW_SCRIPT, 1, this.key('reminder', id), signature, via === 'outbox' ? '1' : '0')) as [number, number] | null;
    return answer ? { version: Number(answer[0]), pending: Number(answer[1]) === 1 } : null;
  }

  /** The edit for `version` is in the outbox. */
  async redrawn(id: string, version: number): Promise<void> {
    await this.redis.eval(REDRAWN_SCRIPT, 1, this.key('reminder', id), String(version));
  }
}
