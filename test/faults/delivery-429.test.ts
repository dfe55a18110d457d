import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OutboxHarness, outboxHarness, waitFor } from '../delivery/outbox-harness.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';

let redis: TestRedis;
let slack: FakeSlackApi;
let h: OutboxHarness;

beforeAll(async () => {
  redis = await startTestRedis();
  slack = await startFakeSlackApi({ clockTs: true, rateLimitShare: 0.3, retryAfterSeconds: 1, seed: 7 });
  h = outboxHarness(redis, slack, 'rl');
});
afterAll(async () => {
  await h.close();
  await slack.close();
  await redis.stop();
});

describe('Slack answering 429 with Retry-After on 30% of calls', () => {
  it('still delivers every message once, in order per channel, waiting as told', async () => {
    const channels = Array.from({ length: 10 }, (_, i) => `C${i}`);
    for (let m = 0; m < 6; m++) for (const c of channels) await h.outbox.enqueue({ id: `nudge:${c}:ITEM-${m}:unclear:W48`, channel: c, text: `${c} ${m}` });
    h.startWorker();
    await waitFor(async () => (await Promise.all(channels.map((c) => h.outbox.delivered(`nudge:${c}:ITEM-5:unclear:W48`)))).every(Boolean), 50_000);
    for (const c of channels) expect(slack.channelMessages(c).map((m) => m.text)).toEqual([0, 1, 2, 3, 4, 5].map((m) => `${c} ${m}`));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(60);
    expect(slack.rateLimited).toBeGreaterThan(10);
    expect(await h.outbox.deadLetters()).toEqual([]);
  });
});
