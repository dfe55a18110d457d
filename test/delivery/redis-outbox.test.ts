import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OUTGOING_EVENT_TYPE } from '../../src/delivery/outbox-keys.js';
import { createDeliveryClient } from '../../src/delivery/slack-delivery-client.js';
import { metrics } from '../../src/metrics.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { type OutboxHarness, outboxHarness, waitFor } from './outbox-harness.js';

let redis: TestRedis;
let slack: FakeSlackApi;
let h: OutboxHarness;
let n = 0;

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
  h = outboxHarness(redis, slack, `t${++n}`);
});

const texts = (channel: string) => slack.channelMessages(channel).map((m) => m.text);

describe('RedisOutbox', () => {
  it('posts each message once, in order per channel, even when enqueued twice', async () => {
    h.startWorker();
    for (let i = 0; i < 5; i++) {
      await h.outbox.enqueue({ id: `m:A:${i}`, channel: 'C0A', text: `A${i}` });
      await h.outbox.enqueue({ id: `m:B:${i}`, channel: 'C0B', text: `B${i}` });
    }
    await h.outbox.enqueue({ id: 'm:A:0', channel: 'C0A', text: 'A0' });
    await waitFor(async () => (await h.outbox.delivered('m:B:4')) !== null && (await h.outbox.delivered('m:A:4')) !== null);
    await h.outbox.enqueue({ id: 'm:A:0', channel: 'C0A', text: 'A0 again' });
    await new Promise((r) => setTimeout(r, 100));
    expect(texts('C0A')).toEqual(['A0', 'A1', 'A2', 'A3', 'A4']);
    expect(texts('C0B')).toEqual(['B0', 'B1', 'B2', 'B3', 'B4']);
    const first = await h.outbox.delivered('m:A:0');
    expect(first).toMatchObject({ channel: 'C0A', ts: slack.channelMessages('C0A')[0]?.ts });
  });

  it('edits the delivered message in place and replies in its thread', async () => {
    h.startWorker();
    await h.outbox.enqueue({ id: 'nudge:1', channel: 'C0P', text: '2 items need an owner' });
    await h.outbox.enqueue({ id: 'nudge:1:rest', channel: 'C0P', text: 'and 3 more', threadOf: 'nudge:1' });
    await h.outbox.enqueue({ id: 'nudge:1:edit', channel: 'C0P', text: '✅ PAY-231 — PM', updateOf: 'nudge:1' });
    await waitFor(async () => (await h.outbox.delivered('nudge:1:edit')) !== null);
    const messages = slack.channelMessages('C0P');
    expect(messages.map((m) => m.text)).toEqual(['✅ PAY-231 — PM', 'and 3 more']);
    expect(messages[1]?.thread_ts).toBe(messages[0]?.ts);
    expect(slack.callsTo('chat.update')).toHaveLength(1);
  });

  it('does not post again when an earlier attempt posted but died before recording it', async () => {
    // The state a worker killed right after chat.postMessage leaves behind: an intent and the post.
    const client = createDeliveryClient('xoxb-test', { slackApiUrl: slack.apiUrl });
    await h.redis.set(h.outbox.keys.intent('crash:1'), String(Date.now()));
    await client.chat.postMessage({ channel: 'C0X', text: 'once', metadata: { event_type: OUTGOING_EVENT_TYPE, event_payload: { outgoing_id: 'crash:1' } } });
    await h.outbox.enqueue({ id: 'crash:1', channel: 'C0X', text: 'once' });
    await h.outbox.enqueue({ id: 'crash:2', channel: 'C0X', text: 'twice' });
    h.startWorker();
    await waitFor(async () => (await h.outbox.delivered('crash:2')) !== null);
    expect(texts('C0X')).toEqual(['once', 'twice']);
    expect((await h.outbox.delivered('crash:1'))?.ts).toBe(slack.channelMessages('C0X')[0]?.ts);
  });

  it('keeps to Slack’s pace in every channel, so Slack never has to refuse a post', async () => {
    // Slack here refuses a post less than 300 ms after the channel's previous one.
    slack.options.perChannelIntervalMs = 300;
    h.startWorker({ perChannelIntervalMs: 300 });
    for (let i = 0; i < 4; i++) for (const c of ['P1', 'P2', 'P3']) await h.outbox.enqueue({ id: `p:${c}:${i}`, channel: c, text: `${c}-${i}` });
    await waitFor(async () => (await Promise.all(['P1', 'P2', 'P3'].map((c) => h.outbox.delivered(`p:${c}:3`)))).every(Boolean));
    expect(slack.rateLimited).toBe(0);
    for (const c of ['P1', 'P2', 'P3']) {
      expect(texts(c)).toEqual([0, 1, 2, 3].map((i) => `${c}-${i}`));
      const at = slack.callsTo('chat.postMessage').filter((call) => call.body.channel === c).map((call) => call.at);
      for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(300);
    }
  });

  it('honours Retry-After on 429s and still delivers everything in order', async () => {
    slack.options.rateLimitShare = 0.3;
    slack.options.retryAfterSeconds = 1;
    h.startWorker();
    for (let i = 0; i < 4; i++) for (const c of ['C1', 'C2', 'C3']) await h.outbox.enqueue({ id: `r:${c}:${i}`, channel: c, text: `${c}-${i}` });
    await waitFor(async () => (await Promise.all(['C1', 'C2', 'C3'].map((c) => h.outbox.delivered(`r:${c}:3`)))).every(Boolean), 25_000);
    for (const c of ['C1', 'C2', 'C3']) expect(texts(c)).toEqual([0, 1, 2, 3].map((i) => `${c}-${i}`));
    expect(slack.rateLimited).toBeGreaterThan(0);
  });

  it('moves a message Slack refuses for good to the dead-letter list and goes on', async () => {
    slack.on('chat.postMessage', (body) => (body.text === 'bad' ? { ok: false, error: 'channel_not_found' } : undefined));
    h.startWorker();
    await h.outbox.enqueue({ id: 'd:1', channel: 'C0D', text: 'bad' });
    await h.outbox.enqueue({ id: 'd:2', channel: 'C0D', text: 'good' });
    await waitFor(async () => (await h.outbox.delivered('d:2')) !== null);
    expect(texts('C0D')).toEqual(['good']);
    const dead = await h.outbox.deadLetters();
    expect(dead).toEqual([expect.objectContaining({ id: 'd:1', channel: 'C0D', error: 'channel_not_found' })]);
    // Operators see it on /metrics too, counted by the kind of message.
    expect(await metrics.registry.getSingleMetricAsString('who_owns_deliveries_dead_lettered_total')).toMatch(/kind="d"} 1/);
  });

  it('refuses a message without id or text, and queues nothing', async () => {
    await expect(h.outbox.enqueue({ id: '', channel: 'C0', text: 'x' })).rejects.toThrow(/id/);
    await expect(h.outbox.enqueue({ id: 'x', channel: 'C0', text: '' })).rejects.toThrow(/no text/);
    expect(await h.outbox.pending('C0')).toBe(0);
  });
});
