import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { createDeliveryClient } from '../../src/delivery/slack-delivery-client.js';
import { RedisOutbox } from '../../src/delivery/redis-outbox.js';
import { QUEUES } from '../../src/queue/queues.js';
import { type NotifyWorker, startNotifyWorker } from '../../workers/notify.worker.js';
import type { FakeSlackApi } from '../support/fake-slack-api.js';
import type { TestRedis } from '../support/redis-server.js';

/** An outbox and its notify worker on a test Redis and the fake Slack API. */
export interface OutboxHarness {
  outbox: RedisOutbox;
  queue: Queue;
  redis: Redis;
  worker?: NotifyWorker;
  startWorker(options?: { perChannelIntervalMs?: number; retryBudget?: number }): NotifyWorker;
  close(): Promise<void>;
}

export function outboxHarness(redisServer: TestRedis, slack: FakeSlackApi, prefix: string): OutboxHarness {
  const redis = redisServer.client();
  const queue = new Queue(QUEUES.notify, { connection: redis, prefix });
  const outbox = new RedisOutbox({ redis, queue, prefix });
  const extra: Redis[] = [];
  const harness: OutboxHarness = {
    outbox,
    queue,
    redis,
    startWorker(options = {}) {
      const connection = redisServer.client();
      extra.push(connection);
      harness.worker = startNotifyWorker({
        connection,
        prefix,
        outbox,
        redis,
        slack: createDeliveryClient('xoxb-test', { slackApiUrl: slack.apiUrl }),
        perChannelIntervalMs: options.perChannelIntervalMs ?? 20,
        retryBudget: options.retryBudget ?? 3,
        retryBaseMs: 20,
        lockDurationMs: 2000,
        channelLockMs: 2000,
      });
      return harness.worker;
    },
    async close() {
      await harness.worker?.close();
      await queue.close();
    },
  };
  return harness;
}

export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
