import type { Redis } from 'ioredis';
import type { WebhookDeliveryLog } from '../jira/webhook.js';

/**
 * Jira webhook deliveries seen, by `X-Atlassian-Webhook-Identifier` (the same across Jira's
 * retries of one delivery), so a retried delivery is handled once. Identifiers expire after
 * a week: Jira stops retrying long before.
 */
export class RedisWebhookDeliveries implements WebhookDeliveryLog {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds = 7 * 24 * 3600,
  ) {}

  private key(...parts: string[]): string {
    return [this.prefix, 'webhook', ...parts].join(':');
  }

  /** Records a delivery; true the first time its identifier is seen. */
  async claim(identifier: string, at: Date): Promise<boolean> {
    return (await this.redis.set(this.key('seen', identifier), at.toISOString(), 'EX', this.ttlSeconds, 'NX')) === 'OK';
  }

  /** Forgets a claimed delivery whose work could not be queued, so Jira's retry is taken. */
  async release(identifier: string): Promise<void> {
    await this.redis.del(this.key('seen', identifier));
  }
}
