/**
 * Delivery pipeline benchmark: 300 channels × 5 messages through the Outbox and notify worker
 * against a fake Slack that enforces 1 message per second per channel (429 otherwise). The
 * fake runs in a process of its own, as Slack is not in ours. The bound is what the rate limit
 * allows: (messages per channel − 1) × interval.
 *
 * Two runs, each with fresh keys and a fresh fake, the batch queued before the clock starts:
 * - **steady state**: the worker has already delivered a warm-up batch (other channels), as a
 *   long-running `who-owns work` has; it is paused while the batch is queued and the clock
 *   starts when it resumes.
 * - **cold start** (run first, in the fresh process): a new worker starts with the batch
 *   waiting, so BullMQ's first job fetches, the first connections to Slack and the JIT's
 *   warm-up count too.
 * Each is timed to the last message recorded as delivered.
 * Run: npm run bench:delivery
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { RedisOutbox } from '../src/delivery/redis-outbox.js';
import { createDeliveryClient } from '../src/delivery/slack-delivery-client.js';
import { QUEUES } from '../src/queue/queues.js';
import { startFakeSlackProcess } from '../test/support/fake-slack-process.js';
import { startTestRedis, type TestRedis } from '../test/support/redis-server.js';
import { type NotifyWorker, startNotifyWorker } from '../workers/notify.worker.js';

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

type Message = { id: string; channel: string; text: string };

/** Public (C…) channels for the measured batch, private (G…) ones for the warm-up. */
const channelOf = (kind: 'C' | 'G', c: number) => `${kind}${String(c).padStart(4, '0')}`;

/** Every channel's first message, then every channel's second, and so on. */
function batch(kind: 'C' | 'G'): Message[] {
  const out: Message[] = [];
  for (let m = 0; m < PER_CHANNEL; m++) {
    for (let c = 0; c < CHANNELS; c++) out.push({ id: `nudge:${kind}team${c}:ITEM-${m}:unclear:2026-W48`, channel: channelOf(kind, c), text: `message ${m}` });
  }
  return out;
}

async function enqueueAll(outbox: RedisOutbox, messages: Message[]): Promise<void> {
  for (const message of messages) await outbox.enqueue(message);
}

async function run(redisServer: TestRedis, prefix: string, mode: 'steady' | 'cold'): Promise<RunResult> {
  const slack = await startFakeSlackProcess({ perChannelIntervalMs: INTERVAL_MS, clockTs: true });
  const redis = redisServer.client();
  const queue = new Queue(QUEUES.notify, { connection: redis, prefix });
  const outbox = new RedisOutbox({ redis, queue, prefix });
  const messages = batch('C');
  const startWorker = () =>
    startNotifyWorker({
      connection: redisServer.client(),
      prefix,
      outbox,
      redis,
      slack: createDeliveryClient('xoxb-bench', { slackApiUrl: slack.apiUrl, maxConcurrency: CONCURRENCY }),
      perChannelIntervalMs: INTERVAL_MS,
      concurrency: CONCURRENCY,
    });
  let running: NotifyWorker;
  let started: number;
  if (mode === 'steady') {
    running = startWorker();
    await running.waitUntilReady();
    await enqueueAll(outbox, batch('G').filter((m) => !m.id.includes('ITEM-2')));
    await untilDrained(redisServer.client(), outbox, Date.now());
    await Promise.all(running.workers.map((w) => w.pause()));
    await enqueueAll(outbox, messages);
    started = Date.now();
    for (const w of running.workers) w.resume();
  } else {
    await enqueueAll(outbox, messages);
    started = Date.now();
    running = startWorker();
  }
  const seconds = (await untilDrained(redisServer.client(), outbox, started)) / 1000;
  const recorded = (await Promise.all(messages.map((m) => outbox.delivered(m.id)))).filter(Boolean).length;
  const report = await slack.report();
  const posts = report.calls
    .filter((c) => c.method === 'chat.postMessage' && String(c.body.channel).startsWith('C'))
    .map((c) => String((c.body.metadata as { event_payload?: { outgoing_id?: string } }).event_payload?.outgoing_id));
  const unique = new Set(posts);
  const ordered = Array.from({ length: CHANNELS }, (_, c) => (report.channels[channelOf('C', c)] ?? []).map((m) => m.text)).every((texts) => texts.length === PER_CHANNEL && texts.every((t, i) => t === `message ${i}`));
  const deadLetters = (await outbox.deadLetters()).length;
  await running.close();
  await queue.close();
  await slack.close();
  return { seconds, posted: posts.length, duplicates: posts.length - unique.size, losses: messages.length - unique.size, recorded, rateLimited: report.rateLimited, ordered, deadLetters };
}

/**
 * The outbox's set of channels with waiting messages empties when the last message is
 * delivered (or dead-lettered). One cheap read every 10 ms (the end is known to that much), on
 * a connection of its own, keeps the probe from competing with the pipeline.
 */
async function untilDrained(probe: Redis, outbox: RedisOutbox, started: number): Promise<number> {
  while ((await probe.scard(outbox.keys.channels)) > 0 && Date.now() - started < 120_000) await new Promise((r) => setTimeout(r, 10));
  const elapsed = Date.now() - started;
  probe.disconnect();
  return elapsed;
}

async function main(): Promise<void> {
  const redisServer = await startTestRedis();
  const bound = ((PER_CHANNEL - 1) * INTERVAL_MS) / 1000;
  // Cold first: the process itself is new then (nothing compiled by the JIT yet).
  const cold = await run(redisServer, 'bench-cold', 'cold');
  const steady = await run(redisServer, 'bench-steady', 'steady');
  await redisServer.stop();
  console.log(`delivery: ${CHANNELS} channels × ${PER_CHANNEL} messages, 1 msg/s per channel; rate-limit bound ${bound.toFixed(2)} s`);
  for (const [name, r] of [['steady state', steady], ['cold start', cold]] as const) {
    console.log(`  ${name}: ${r.seconds.toFixed(2)} s, ratio ${(r.seconds / bound).toFixed(3)}×; posted ${r.posted}, recorded ${r.recorded}, duplicates ${r.duplicates}, losses ${r.losses}, 429s ${r.rateLimited}, order kept ${r.ordered}, dead letters ${r.deadLetters}`);
  }
  const baseline = { name: 'rate-limit bound (1 msg/s per channel)', value: bound, unit: 's' };
  const both = (pick: (r: RunResult) => number) => pick(steady) + pick(cold);
  const result = {
    bench: 'delivery',
    title: 'Slack delivery pipeline',
    figures: [
      { name: `${CHANNELS} channels × ${PER_CHANNEL} messages, steady state (target ≤ 1.1× the bound)`, value: Number(steady.seconds.toFixed(2)), unit: 's', higherIsBetter: false, baseline },
      { name: `${CHANNELS} channels × ${PER_CHANNEL} messages, cold start (fresh process)`, value: Number(cold.seconds.toFixed(2)), unit: 's', higherIsBetter: false, baseline },
      { name: 'duplicates (both runs)', value: both((r) => r.duplicates), unit: 'messages', higherIsBetter: false },
      { name: 'losses (both runs)', value: both((r) => r.losses), unit: 'messages', higherIsBetter: false },
      { name: 'dead letters (both runs)', value: both((r) => r.deadLetters), unit: 'messages', higherIsBetter: false },
      { name: '429s answered by the fake Slack (both runs)', value: both((r) => r.rateLimited), unit: 'responses', higherIsBetter: false },
    ],
    notes: `Fake Slack in its own process on loopback, enforcing ${INTERVAL_MS} ms between posts per channel (429 otherwise); notify worker concurrency ${CONCURRENCY}; per-channel order ${steady.ordered && cold.ordered ? 'kept' : 'BROKEN'}. Steady state: after a warm-up batch of ${CHANNELS} × ${PER_CHANNEL - 1} messages on other channels, the batch queued while the worker was paused, timed from its resume. Cold start: timed from a new worker's start with the batch queued.`,
  };
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
  const clean = (r: RunResult) => r.duplicates === 0 && r.losses === 0 && r.recorded === CHANNELS * PER_CHANNEL && r.ordered;
  process.exit(clean(steady) && clean(cold) ? 0 : 1);
}

void main();
