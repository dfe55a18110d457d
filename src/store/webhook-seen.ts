import type { Redis } from 'ioredis';

/** When the last signed Jira webhook delivery arrived, so `who-owns doctor` can tell it works. */
export function webhookSeenKey(prefix: string): string {
  return `${prefix}:jira-webhook:last-seen`;
}

export async function recordWebhookSeen(redis: Redis, prefix: string, at: Date): Promise<void> {
  await redis.set(webhookSeenKey(prefix), at.toISOString());
}

export async function webhookLastSeen(redis: Redis, prefix: string): Promise<Date | undefined> {
  const value = await redis.get(webhookSeenKey(prefix));
  return value ? new Date(value) : undefined;
}
