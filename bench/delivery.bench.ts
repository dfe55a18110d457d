/**
 * Delivery pipeline benchmark: 300 channels × 5 messages through the Outbox and notify worker
 * against a fake Slack that enforces 1 message per second per channel (429 otherwise). The
 * fake runs in a process of its own, as Slack is not in ours. The bound is what the rate limit
 * allows: (messages per channel − 1) × interval.
 *
 * The batch is queued first (as sweeps leave it), then the worker starts; the time runs from
 * the worker's start to the last message recorded as delivered, so BullMQ's job fetching and
 * the first connections to Slack count too.
 * Run: npm run bench:delivery
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { RedisOutbox } from '../src/delivery/redis-outbox.js';
import { createDeliveryClient } from '../src/delivery/slack-delivery-client.js';
import { QUEUES } from '../src/queue/queues.js';
import { startFakeSlackProcess } from '../test/support/fake-slack-process.js';
import { startTestRedis, type TestRedis } from '../test/support/redis-server.js';
import { startNotifyWorker } from '../workers/notify.worker.js';

const CHANNELS = Number(process.env.BENCH_CHANNELS ?? 300);
const PER_CHANNEL = Number(process.env.BENCH_PER_CHANNEL ?? 5);
const INTERVAL_MS = 1000;
const CONCURRENCY = CHANNELS;

interface RunResult {
  seconds: number;
  posted: number;
  duplicates: number;
  losses: number;
  recorded: number;
  rateLimited: number;
  ordered: boolean;
  deadLetters: number;
}

const channelOf = (c: number) => `C${String(c).padStart(4, '0')}`;

/** Every channel's first message, then every channel's second, and so on. */
function batch(): { id: string; channel: string; text: string }[] {
  const out: { id: string; channel: string; text: string }[] = [];
  for (let m = 0; m < PER_CHANNEL; m++) {
    for (let c = 0; c < CHANNELS; c++) out.push({ id: `nudge:team${c}:ITEM-${m}:unclear:2026-W48`, channel: channelOf(c), text: `message ${m}` });
  }
  return out;
}

async function enqueueAll(outbox: RedisOutbox, messages: ReturnType<typeof batch>): Promise<void> {
  for (const message of messages) await outbox.enqueue(message);
}

async function run(redisServer: TestRedis, prefix: string): Promise<RunResult> {
  const slack = await startFakeSlackProcess({ perChannelIntervalMs: INTERVAL_MS, clockTs: true });
  const redis = redisServer.client();
  const queue = new Queue(QUEUES.notify, { connection: redis, prefix });
  const outbox = new RedisOutbox({ redis, queue, prefix });
  const messages = batch();
  await enqueueAll(outbox, messages);
  const started = Date.now();
  const running = startNotifyWorker({
    connection: redisServer.client(),
    prefix,
    outbox,
    redis,
    slack: createDeliveryClient('xoxb-bench', { slackApiUrl: slack.apiUrl, maxConcurrency: CONCURRENCY }),
    perChannelIntervalMs: INTERVAL_MS,
    concurrency: CONCURRENCY,
  });
  const seconds = (await untilDrained(redisServer.client(), outbox, started)) / 1000;
  const recorded = (await Promise.all(messages.map((m) => outbox.delivered(m.id)))).filter(Boolean).length;
  const report = await slack.report();
  const posts = report.calls.filter((c) => c.method === 'chat.postMessage').map((c) => String((c.body.metadata as { event_payload?: { outgoing_id?: string } }).event_payload?.outgoing_id));
  const unique = new Set(posts);
  const ordered = Array.from({ length: CHANNELS }, (_, c) => (report.channels[channelOf(c)] ?? []).map((m) => m.text)).every((texts) => texts.length === PER_CHANNEL && texts.every((t, i) => t === `message ${i}`));
  const deadLetters = (await outbox.deadLetters()).length;
  await running.close();
  await queue.close();
  await slack.close();
  return { seconds, posted: posts.length, duplicates: posts.length - unique.size, losses: messages.length - unique.size, recorded, rateLimited: report.rateLimited, ordered, deadLetters };
}

/**
 * The outbox's set of channels with waiting messages empties when the last message is
 * delivered (or dead-lettered). One cheap read on a connection of its own keeps the probe
 * from competing with the pipeline.
 */
async function untilDrained(probe: Redis, outbox: RedisOutbox, started: number): Promise<number> {
  while ((await probe.scard(outbox.keys.channels)) > 0 && Date.now() - started < 120_000) await new Promise((r) => setTimeout(r, 5));
  const elapsed = Date.now() - started;
  probe.disconnect();
  return elapsed;
}

async function main(): Promise<void> {
  const redisServer = await startTestRedis();
  const bound = ((PER_CHANNEL - 1) * INTERVAL_MS) / 1000;
  const r = await run(redisServer, 'bench');
  await redisServer.stop();
  console.log(`delivery: ${CHANNELS} channels × ${PER_CHANNEL} messages, 1 msg/s per channel; rate-limit bound ${bound.toFixed(2)} s`);
  console.log(`  ${r.seconds.toFixed(2)} s, ratio ${(r.seconds / bound).toFixed(3)}×; posted ${r.posted}, recorded ${r.recorded}, duplicates ${r.duplicates}, losses ${r.losses}, 429s ${r.rateLimited}, order kept ${r.ordered}, dead letters ${r.deadLetters}`);
  const result = {
    bench: 'delivery',
    title: 'Slack delivery pipeline',
    figures: [
      { name: `${CHANNELS} channels × ${PER_CHANNEL} messages delivered (target ≤ 1.1× the bound)`, value: Number(r.seconds.toFixed(2)), unit: 's', higherIsBetter: false, baseline: { name: 'rate-limit bound (1 msg/s per channel)', value: bound, unit: 's' } },
      { name: 'duplicates', value: r.duplicates, unit: 'messages', higherIsBetter: false },
      { name: 'losses', value: r.losses, unit: 'messages', higherIsBetter: false },
      { name: 'dead letters', value: r.deadLetters, unit: 'messages', higherIsBetter: false },
      { name: '429s answered by the fake Slack', value: r.rateLimited, unit: 'responses', higherIsBetter: false },
    ],
    notes: `Fake Slack in its own process on loopback, enforcing ${INTERVAL_MS} ms between posts per channel (429 otherwise); notify worker concurrency ${CONCURRENCY}; per-channel order ${r.ordered ? 'kept' : 'BROKEN'}. Timed from the worker's start with the batch already queued.`,
  };
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
  process.exit(r.duplicates === 0 && r.losses === 0 && r.recorded === CHANNELS * PER_CHANNEL && r.ordered ? 0 : 1);
}

void main();
