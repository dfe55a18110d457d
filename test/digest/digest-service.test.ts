import { Queue } from 'bullmq';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { catchUpDigests } from '../../src/digest/digest-catch-up.js';
import { type DigestDeps, onDecisionForDigest, sendDigest } from '../../src/digest/digest-service.js';
import { digestMessageId } from '../../src/domain/digest/digest-period.js';
import type { Outbox } from '../../src/ports.js';
import { QUEUES } from '../../src/queue/queues.js';
import { MemoryItemStore } from '../../src/store/memory-item-store.js';
import { createDigestWorker } from '../../workers/digest.worker.js';
import { type OutboxHarness, outboxHarness, waitFor } from '../delivery/outbox-harness.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { testAdapters } from '../support/test-adapters.js';
import { backlog, payments } from './digest-fixtures.js';

let redis: TestRedis;
let slack: FakeSlackApi;
let h: OutboxHarness;
let n = 0;
let prefix = '';
const now = new Date('2026-11-23T08:30:00Z'); // Monday 09:30 in Berlin, after the 09:00 digest time
const team = { ...payments, channel: 'C0PAYMENTS' };
const messageId = digestMessageId('C0PAYMENTS', 'payments', '2026-W48');

/** The process's adapters on this test's prefix (the item store stays in memory). */
const adapters = () => testAdapters(h.redis, { prefix, teams: [team] }).adapters;

async function depsFor(outbox: Outbox = h.outbox): Promise<DigestDeps> {
  const items = new MemoryItemStore([team]);
  const entries = backlog(60);
  await items.putItems(entries.map((e) => e.item));
  await items.putVerdicts(entries.map((e) => e.verdict));
  return {
    teams: [team],
    items,
    decisions: adapters().decisions,
    outbox,
    ledger: adapters().digestLedger,
    clock: { now: () => now },
  };
}

/** Digests posted in the channel (thread replies with the rest of long lists not counted). */
const posts = () => slack.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0PAYMENTS' && !c.body.thread_ts);
const replies = () => slack.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0PAYMENTS' && c.body.thread_ts);

beforeAll(async () => {
  redis = await startTestRedis();
  slack = await startFakeSlackApi({ clockTs: true });
});
afterAll(async () => {
  await h?.close();
  await slack.close();
  await redis.stop();
});
beforeEach(async () => {
  await h?.close();
  slack.reset();
  slack.options.rateLimitShare = 0;
  slack.options.perChannelIntervalMs = 0;
  prefix = `dg${++n}`;
  h = outboxHarness(redis, slack, prefix);
  h.startWorker();
});

describe('digest service', () => {
  it('posts once when two workers and a catch-up run the same period at once', async () => {
    const deps = await depsFor();
    const queue = new Queue(QUEUES.digest, { connection: redis.client(), prefix });
    const workers = [createDigestWorker({ connection: redis.client(), prefix, deps }), createDigestWorker({ connection: redis.client(), prefix, deps })];

    const results = await Promise.all([sendDigest(deps, 'payments', now), sendDigest(deps, 'payments', now), catchUpDigests(queue, [team], deps.ledger, now)]);
    await waitFor(async () => (await h.outbox.delivered(messageId)) !== null);
    await waitFor(async () => (await queue.getCompletedCount()) + (await queue.getWaitingCount()) + (await queue.getActiveCount()) === 0 || (await queue.getCompletedCount()) >= 1);
    await new Promise((r) => setTimeout(r, 200));

    expect(posts()).toHaveLength(1);
    await waitFor(() => replies().length === 1);
    expect(replies()[0]?.body.thread_ts).toBe(slack.channelMessages('C0PAYMENTS')[0]?.ts);
    expect(String(posts()[0]?.body.text)).toMatch(/^Payments — ownership digest, 2026-W48: \d+ need an owner/);
    expect([results[0], results[1]].map((r) => r.status).sort()).toEqual(['already-sent', 'sent']);
    await Promise.all(workers.map((w) => w.close()));
    await queue.close();
  });

  it('a worker killed between building and posting: the retry posts it, once', async () => {
    let crash = true;
    const crashing: Outbox = {
      enqueue: async (m) => {
        if (crash) throw new Error('worker killed');
        await h.outbox.enqueue(m);
      },
      delivered: (id) => h.outbox.delivered(id),
    };
    const deps = await depsFor(crashing);

    await expect(sendDigest(deps, 'payments', now)).rejects.toThrow('worker killed');
    crash = false;
    const retry = await sendDigest(deps, 'payments', now);
    await sendDigest(deps, 'payments', now);
    await waitFor(async () => (await h.outbox.delivered(messageId)) !== null);
    await new Promise((r) => setTimeout(r, 150));

    expect(retry.status).toBe('already-sent');
    expect(posts()).toHaveLength(1);
    await waitFor(() => replies().length >= 1);
    expect(replies()).toHaveLength(1);
  });

  it('a worker dying mid-job: another worker picks the stalled job up and posts once', async () => {
    const deps = await depsFor();
    let reached: () => void = () => {};
    const inJob = new Promise<void>((r) => {
      reached = r;
    });
    const hanging: DigestDeps = {
      ...deps,
      outbox: {
        enqueue: () => {
          reached();
          return new Promise(() => {});
        },
        delivered: (id) => h.outbox.delivered(id),
      },
    };
    const queue = new Queue(QUEUES.digest, { connection: redis.client(), prefix });
    const dying = createDigestWorker({ connection: redis.client(), prefix, deps: hanging, lockDurationMs: 300 });
    await catchUpDigests(queue, [team], deps.ledger, now);
    await inJob;

    // The process dies: its lock is no longer renewed.
    await dying.close(true);
    const survivor = createDigestWorker({ connection: redis.client(), prefix, deps, lockDurationMs: 300 });
    await waitFor(async () => (await h.outbox.delivered(messageId)) !== null);
    await waitFor(async () => (await queue.getCompletedCount()) === 1);

    expect(posts()).toHaveLength(1);
    await survivor.close();
    await queue.close();
  });

  it('catches up a digest missed while down, but not one already sent or not yet due', async () => {
    const deps = await depsFor();
    const queue = new Queue(QUEUES.digest, { connection: redis.client(), prefix });

    const early = await catchUpDigests(queue, [team], deps.ledger, new Date('2026-11-23T07:30:00Z'));
    const missed = await catchUpDigests(queue, [team], deps.ledger, now);
    const worker = createDigestWorker({ connection: redis.client(), prefix, deps });
    await waitFor(async () => (await h.outbox.delivered(messageId)) !== null);
    const again = await catchUpDigests(queue, [team], deps.ledger, now);

    expect(early).toEqual([]);
    expect(missed).toHaveLength(1);
    expect(again).toEqual([]);
    expect(posts()).toHaveLength(1);
    await worker.close();
    await queue.close();
  });

  it('edits the posted digest in place when a listed item is decided', async () => {
    const deps = await depsFor();
    const sent = await sendDigest(deps, 'payments', now);
    await waitFor(async () => (await h.outbox.delivered(messageId)) !== null);
    const stored = await deps.ledger.posted(messageId);
    const key = stored?.attention[0]?.item.key ?? '';
    const decision = { role: 'PM', decidedBy: { slackId: 'U0MARCO02' }, decidedAt: '2026-11-24T10:00:00Z', source: 'slack' as const };

    const edited = await onDecisionForDigest(deps, key, decision);
    await onDecisionForDigest(deps, key, decision);
    await onDecisionForDigest(deps, 'PAY-999', decision);
    await waitFor(() => slack.callsTo('chat.update').length >= 1);
    await new Promise((r) => setTimeout(r, 150));

    expect(edited).toEqual([messageId]);
    expect(slack.callsTo('chat.update')).toHaveLength(1);
    const messages = slack.channelMessages('C0PAYMENTS').filter((m) => !m.thread_ts);
    expect(messages).toHaveLength(1);
    expect(JSON.stringify(messages[0]?.blocks)).toContain(`~${key}~`);
    expect(messages[0]?.text).toContain(`${(sent.status === 'sent' ? sent.totals.attention : 0) - 1} need an owner`);
  });

  it('next week compares with last week and credits decisions made since', async () => {
    const deps = await depsFor();
    await sendDigest(deps, 'payments', now);
    await adapters().decisions.record('PAY-14', { role: 'PO', decidedBy: { slackId: 'U0PRIYA01' }, decidedAt: '2026-11-25T10:00:00Z', source: 'slack' });
    const later = { ...deps, clock: { now: () => new Date('2026-11-30T08:05:00Z') } };

    const next = await sendDigest(later, 'payments', new Date('2026-11-30T08:00:00Z'));
    await waitFor(async () => posts().length === 2);

    expect(next.status === 'sent' && next.period).toBe('2026-W49');
    const text = JSON.stringify(posts()[1]?.body.blocks);
    expect(text).toContain('PAY-14 → PO, thanks <@U0PRIYA01>');
    expect(await deps.ledger.lastRun('payments')).toMatchObject({ period: '2026-W49', previous: { period: '2026-W48' } });
  });
});
