import type { ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisOutbox } from '../../src/delivery/redis-outbox.js';
import { QUEUES } from '../../src/queue/queues.js';
import { manifestBotScopes } from '../../src/slack/manifest-scopes.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { recordFaultFigures } from './support/fault-figures.js';
import { killHard, randomInt, startWorkerProcess, waitFor } from './support/worker-process.js';

const TRIALS = 20;
const MESSAGES = 200;
const CHANNELS = 10;
/**
 * The kill comes once this many posts (drawn per trial, uniform from 1) have reached Slack. A
 * channel is drained by one job at a time, so the killed worker can have at most one post per
 * channel in flight: at most CHANNELS - 1 more land after the trigger, and the batch is never done.
 */
const MAX_KILL_AT = MESSAGES - CHANNELS;
/** How long after the kill posts already sent by the dead worker may still arrive. */
const SETTLE_MS = 50;

let redis: TestRedis;
let slack: FakeSlackApi;

beforeAll(async () => {
  redis = await startTestRedis();
  // Scopes enforced as Slack does, with what manifest.yaml grants.
  slack = await startFakeSlackApi({ clockTs: true });
});
afterAll(async () => {
  await slack.close();
  await redis.stop();
});

function startWorker(prefix: string, api: FakeSlackApi = slack): Promise<ChildProcess> {
  return startWorkerProcess('test/support/notify-worker-process.ts', { redisUrl: redis.url, prefix, slackApiUrl: api.apiUrl, intervalMs: 2, lockMs: 1000 });
}

function postedIds(api: FakeSlackApi = slack): string[] {
  return api.callsTo('chat.postMessage').map((c) => String((c.body.metadata as { event_payload?: { outgoing_id?: string } } | undefined)?.event_payload?.outgoing_id));
}

describe('delivery survives a worker killed with SIGKILL mid-batch', () => {
  it(`posts each of ${MESSAGES} nudges exactly once over ${TRIALS} trials`, async ({ task }) => {
    const client = redis.client();
    const summary: { trial: number; killAt: number; postedAtKill: number }[] = [];
    // One queue for all trials: each trial's restarted worker is the one the next trial kills.
    const prefix = 'crash';
    const queue = new Queue(QUEUES.notify, { connection: client, prefix });
    const outbox = new RedisOutbox({ redis: client, queue, prefix });
    let worker = await startWorker(prefix);
    let lost = 0;
    let duplicated = 0;
    let historyReads = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      slack.reset();
      const ids: string[] = [];
      // Armed before the batch is queued: the worker posts while the batch is still being queued.
      const dying = worker;
      const killAt = randomInt(1, MAX_KILL_AT);
      let killed: Promise<void> | undefined;
      slack.on('chat.postMessage', () => {
        // The killAt-th post has reached Slack: kill the worker before Slack answers it.
        if (!killed && slack.callsTo('chat.postMessage').length >= killAt) killed = killHard(dying);
        return undefined; // Slack's usual answer
      });
      for (let i = 0; i < MESSAGES; i++) {
        const id = `nudge:team${i % CHANNELS}:ITEM-${i}:unclear:T${trial}`;
        ids.push(id);
        await outbox.enqueue({ id, channel: `C${i % CHANNELS}`, text: `item ${i}` });
      }
      await waitFor(() => killed !== undefined, 20_000, `trial ${trial}: ${killAt} posts`, 2);
      await killed;
      // Posts the worker had sent before it died may still be on the wire.
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      const postedAtKill = slack.callsTo('chat.postMessage').length;
      summary.push({ trial, killAt, postedAtKill });
      expect(postedAtKill, `trial ${trial}: posts at the kill`).toBeGreaterThanOrEqual(killAt);
      expect(postedAtKill, `trial ${trial}: killed before the batch was posted`).toBeLessThan(MESSAGES);
      worker = await startWorker(prefix);
      const deadline = Date.now() + 20_000;
      while ((await Promise.all(ids.map((id) => outbox.delivered(id)))).some((d) => d === null)) {
        if (Date.now() > deadline) throw new Error(`trial ${trial}: not all delivered`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const posted = postedIds();
      const postedSet = new Set(posted);
      duplicated += posted.length - postedSet.size;
      lost += ids.filter((id) => !postedSet.has(id)).length;
      expect(posted.length, `trial ${trial}`).toBe(MESSAGES);
      expect(new Set(posted).size).toBe(MESSAGES);
      for (let c = 0; c < CHANNELS; c++) {
        const order = slack.channelMessages(`C${c}`).map((m) => Number(m.text.split(' ')[1]));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }
      expect(await outbox.deadLetters()).toEqual([]);
      expect(slack.refusals, `trial ${trial}: calls Slack refused`).toEqual([]);
      historyReads += slack.callsTo('conversations.history').length;
    }
    await killHard(worker);
    await queue.close();
    const midBatch = summary.filter((s) => s.postedAtKill > 0 && s.postedAtKill < MESSAGES).length;
    recordFaultFigures(task, {
      trials: TRIALS,
      faultsInjected: TRIALS,
      checked: TRIALS * MESSAGES,
      lost,
      duplicated,
      detail: `${MESSAGES} nudges over ${CHANNELS} channels queued in the outbox per trial; the notify worker process (lock 1 s) was SIGKILLed as the n-th post reached Slack, before Slack answered it (n drawn uniformly from 1–${MAX_KILL_AT}: ${summary.map((s) => s.killAt).join(', ')}), ${midBatch} of ${TRIALS} times mid-batch (posts Slack had from the killed worker: ${summary.map((s) => s.postedAtKill).join(', ')} of ${MESSAGES}); after a restart every message was posted exactly once, in order per channel, none dead-lettered.`,
    });
    process.stdout.write(`delivery-crash: ${TRIALS} trials, ${midBatch} killed mid-batch (posts at kill: ${summary.map((s) => `${s.postedAtKill}/${s.killAt}`).join(', ')}), ${duplicated} duplicates, ${lost} losses\n`);
    expect(midBatch).toBe(TRIALS);
    // Recovery did read the channels' history, with the manifest's scopes.
    expect(historyReads).toBeGreaterThan(0);
  });

  it('cannot recover without the history scopes: the message in flight at the kill is dead-lettered with missing_scope', async () => {
    const withoutHistory = manifestBotScopes().filter((s) => !s.endsWith(':history'));
    const bare = await startFakeSlackApi({ clockTs: true, scopes: withoutHistory });
    const client = redis.client();
    const prefix = 'crash-bare';
    const queue = new Queue(QUEUES.notify, { connection: client, prefix });
    const outbox = new RedisOutbox({ redis: client, queue, prefix });
    const dying = await startWorker(prefix, bare);
    let killed: Promise<void> | undefined;
    bare.on('chat.postMessage', () => {
      if (!killed && bare.callsTo('chat.postMessage').length >= 3) killed = killHard(dying);
      return undefined;
    });
    const ids = Array.from({ length: 40 }, (_, i) => `nudge:team${i % 4}:ITEM-${i}:unclear:bare`);
    for (const [i, id] of ids.entries()) await outbox.enqueue({ id, channel: `C${i % 4}`, text: `item ${i}` });
    await waitFor(() => killed !== undefined, 20_000, '3 posts', 2);
    await killed;
    const worker = await startWorker(prefix, bare);
    const settled = async () => (await Promise.all(ids.map((id) => outbox.delivered(id)))).filter((d) => d !== null).length + (await outbox.deadLetters()).length >= ids.length;
    await waitFor(settled, 20_000, 'every message delivered or dead-lettered');
    await killHard(worker);
    await queue.close();
    await bare.close();
    const dead = await outbox.deadLetters();
    expect(dead.length).toBeGreaterThan(0);
    expect(dead.every((d) => d.error === 'missing_scope')).toBe(true);
    expect(bare.refusals.map((r) => `${r.method} ${r.needed}`)).toContain('conversations.history channels:history');
  });
});
