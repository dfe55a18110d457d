/**
 * A notify worker in its own process, for fault tests that kill it with SIGKILL.
 * Usage: tsx test/support/notify-worker-process.ts '<json: {redisUrl, prefix, slackApiUrl, intervalMs, lockMs}>'
 * Exits when its stdin closes (the test that started it is gone).
 */
import { Queue } from 'bullmq';
import { createDeliveryClient } from '../../src/delivery/slack-delivery-client.js';
import { RedisOutbox } from '../../src/delivery/redis-outbox.js';
import { QUEUES } from '../../src/queue/queues.js';
import { createRedis } from '../../src/store/connection.js';
import { startNotifyWorker } from '../../workers/notify.worker.js';

const settings = JSON.parse(process.argv[2] ?? '{}') as { redisUrl: string; prefix: string; slackApiUrl: string; intervalMs?: number; lockMs?: number };
const redis = createRedis(settings.redisUrl);
const queue = new Queue(QUEUES.notify, { connection: redis, prefix: settings.prefix });
const outbox = new RedisOutbox({ redis, queue, prefix: settings.prefix });
const running = startNotifyWorker({
  connection: createRedis(settings.redisUrl),
  prefix: settings.prefix,
  outbox,
  redis,
  slack: createDeliveryClient('xoxb-fault', { slackApiUrl: settings.slackApiUrl }),
  perChannelIntervalMs: settings.intervalMs ?? 5,
  retryBaseMs: 20,
  lockDurationMs: settings.lockMs ?? 1000,
  channelLockMs: settings.lockMs ?? 1000,
  repairEveryMs: 200,
});
void running.waitUntilReady().then(() => process.stdout.write('ready\n'));
process.on('SIGTERM', () => {
  void running.close().then(() => process.exit(0));
});
// The test runner going away closes stdin: leave no worker behind.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
