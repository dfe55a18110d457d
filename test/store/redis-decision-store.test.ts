import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OwnershipDecision } from '../../src/domain/work-item.js';
import { RedisDecisionStore } from '../../src/store/redis-decision-store.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';

function decision(role: string, by: string, at: string): OwnershipDecision {
  return { role, decidedBy: { slackId: by }, decidedAt: at, source: 'slack' };
}

describe('store/redis-decision-store', () => {
  let redis: TestRedis;
  let store: RedisDecisionStore;
  beforeAll(async () => {
    redis = await startTestRedis();
    store = new RedisDecisionStore(redis.client(), 'wo');
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('keeps every decision in order; the last one is in force', async () => {
    await store.record('PAY-1', decision('PM', 'U1', '2026-11-20T10:00:00Z'));
    await store.record('PAY-1', decision('PO', 'U2', '2026-11-21T10:00:00Z'));

    expect((await store.history('PAY-1')).map((d) => d.decidedBy.slackId)).toEqual(['U1', 'U2']);
    expect((await store.latest('PAY-1'))?.role).toBe('PO');
    expect(await store.latest('PAY-2')).toBeNull();
    expect([...(await store.latestMany(['PAY-1', 'PAY-2'])).entries()]).toEqual([['PAY-1', decision('PO', 'U2', '2026-11-21T10:00:00Z')]]);
  });

  it('survives a Redis restart (append-only file)', async () => {
    await store.record('PAY-9', decision('none', 'U3', '2026-11-22T10:00:00Z'));
    await redis.restart();

    expect((await store.history('PAY-9')).map((d) => d.role)).toEqual(['none']);
  });
});
