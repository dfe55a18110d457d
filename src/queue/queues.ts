/**
 * Queue names, one per kind of work. Keys live under REDIS_PREFIX (wrap it in {braces} for
 * Redis Cluster so a queue's keys share a slot). Job ids never contain ':' (BullMQ reserves it).
 */
export const QUEUES = {
  /** Pull Jira scopes (scheduled per scope) and targeted refreshes from webhooks. */
  sync: 'sync',
  /** Every outgoing Slack message: pacing, retries, exactly-once, dead letters. */
  notify: 'notify',
  /** Nudge sweeps after attribution passes. */
  nudges: 'nudges',
  /** Weekly digests, one scheduler per channel. */
  digest: 'digest',
  /** PO acceptance reminders. */
  acceptance: 'acceptance',
  /** Refits of the site's learned conventions after decisions and at start. */
  learning: 'learning',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Turns any id into a BullMQ-safe job id (no ':'). */
export function jobId(...parts: (string | number)[]): string {
  return parts.map((p) => String(p).replace(/:/g, '_')).join('-');
}
