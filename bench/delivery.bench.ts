/**
 * Delivery pipeline benchmark: 300 channels × 5 messages through the Outbox and notify
 * worker against a fake Slack that enforces 1 message per second per channel. The bound is
 * what the rate limit allows: (messages per channel − 1) × interval. Reports the ratio of the
 * measured time to that bound, duplicates and losses.
 * Run: npm run bench:delivery
 */
import { Queue } from 'bullmq';
import { RedisOutbox } from '../src/delivery/redis-outbox.js';
import { createDeliveryClient } from '../src/delivery/slack-delivery-client.js';
import { QUEUES } from '../src/queue/queues.js';
import { startFakeSlackApi } from '../test/support/fake-slack-api.js';
import { startTestRedis } from '../test/support/redis-server.js';
import { startNotifyWorker } from '../workers/notify.worker.js';

const CHANNELS = Number(process.env.BENCH_CHANNELS ?? 300);
const PER_CHANNEL = Number(process.env.BENCH_PER_CHANNEL ?? 5);
const INTERVAL_MS = 1000;

async function main(): Promise<void> {
  const redisServer = await startTestRedis();
  const slack = await startFakeSlackApi({ perChannelIntervalMs: INTERVAL_MS, clockTs: true });
  const redis = redisServer.client();
  const prefix = 'bench';
  const queue = new Queue(QUEUES.notify, { connection: redis, prefix });
  const outbox = new RedisOutbox({ redis, queue, prefix });
  const ids: string[] = [];
  // Enqueue first (as a sweep would), then time the delivery alone.
  for (let m = 0; m < PER_CHANNEL; m++) {
    for (let c = 0; c < CHANNELS; c++) {
      const id = `nudge:team${c}:ITEM-${m}:unclear:2026-W48`;
      ids.push(id);
      await outbox.enqueue({ id, channel: `C${String(c).padStart(4, '0')}`, text: `message ${m}` });
    }
  }
  const started = Date.now();
  const running = startNotifyWorker({
    connection: redisServer.client(),
    prefix,
    outbox,
    redis,
    slack: createDeliveryClient('xoxb-bench', { slackApiUrl: slack.apiUrl }),
    perChannelIntervalMs: INTERVAL_MS,
    concurrency: 300,
  });
  for (;;) {
    const delivered = await Promise.all(ids.map((id) => outbox.delivered(id)));
    if (delivered.every(Boolean)) break;
    if (Date.now() - started > 120_000) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const elapsed = Date.now() - started;
  const posts = slack.callsTo('chat.postMessage').map((c) => String((c.body.metadata as { event_payload?: { outgoing_id?: string } }).event_payload?.outgoing_id));
  const unique = new Set(posts);
  const bound = (PER_CHANNEL - 1) * INTERVAL_MS;
  const ordered = Array.from({ length: CHANNELS }, (_, c) => slack.channelMessages(`C${String(c).padStart(4, '0')}`).map((m) => m.text)).every((texts) => texts.every((t, i) => t === `message ${i}`));
  console.log(`delivery: ${CHANNELS} channels × ${PER_CHANNEL} messages, 1 msg/s per channel`);
  console.log(`  time ${(elapsed / 1000).toFixed(2)} s, rate-limit bound ${(bound / 1000).toFixed(2)} s, ratio ${(elapsed / bound).toFixed(3)}×`);
  console.log(`  posted ${posts.length}, duplicates ${posts.length - unique.size}, losses ${ids.length - unique.size}, 429s ${slack.rateLimited}, order kept ${ordered}, dead letters ${(await outbox.deadLetters()).length}`);
  const deadLetters = (await outbox.deadLetters()).length;
  const result = {
    bench: 'delivery',
    title: 'Slack delivery pipeline',
    figures: [
      { name: `${CHANNELS} channels × ${PER_CHANNEL} messages delivered`, value: Number((elapsed / 1000).toFixed(2)), unit: 's', higherIsBetter: false, baseline: { name: 'rate-limit bound (1 msg/s per channel)', value: bound / 1000, unit: 's' } },
      { name: 'duplicates', value: posts.length - unique.size, unit: 'messages', higherIsBetter: false },
      { name: 'losses', value: ids.length - unique.size, unit: 'messages', higherIsBetter: false },
      { name: 'dead letters', value: deadLetters, unit: 'messages', higherIsBetter: false },
    ],
    notes: `Fake Slack on loopback enforcing ${INTERVAL_MS} ms between posts per channel (429 otherwise); per-channel order ${ordered ? 'kept' : 'BROKEN'}.`,
  };
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
  await running.close();
  await queue.close();
  await slack.close();
  await redisServer.stop();
  process.exit(posts.length === unique.size && unique.size === ids.length && ordered ? 0 : 1);
}

void main();
