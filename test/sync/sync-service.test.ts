import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSyncSummary, runSyncOnce } from '../../src/sync/sync-service.js';
import type { SyncDeps } from '../../src/sync/sync-team.js';
import { syncDepsFrom } from '../../src/sync/wire.js';
import { aTeam } from '../support/builders.js';
import { type FakeJira, generateSite, startFakeJira } from '../support/fake-jira-server.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { testAdapters } from '../support/test-adapters.js';

const payments = aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [], components: [] } });
const growth = aTeam({ id: 'growth', name: 'Growth', jira: { projects: ['GRO'], boards: [], components: [] } });

let redis: TestRedis;
let client: Redis;
let fake: FakeJira;

beforeAll(async () => {
  redis = await startTestRedis();
  client = redis.client();
  const site = generateSite({ count: 30, projectKey: 'PAY' });
  site.issues.push(...generateSite({ count: 12, projectKey: 'GRO' }).issues);
  // The bot's account may browse PAY but not GRO.
  fake = await startFakeJira(site, { refuseSearch: { match: /GRO/, status: 403 } });
});
afterAll(async () => {
  await fake.close();
  await redis.stop();
});

function deps(): SyncDeps {
  const { adapters, config } = testAdapters(client, {
    prefix: 'wo',
    teams: [payments, growth],
    env: { JIRA_BASE_URL: fake.url, JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 'x', JIRA_MAX_RPS: '1000' },
    jira: { limits: { baseBackoffMs: 2 } },
  });
  return { ...syncDepsFrom(adapters, config, { now: () => new Date('2026-11-23T10:00:00Z') }), pageSize: 100 };
}

describe('sync/sync-service runSyncOnce', () => {
  it('syncs every scope it may read and reports the one Jira refuses, naming the fix', async () => {
    const run = await runSyncOnce(deps(), 'full');

    const [pay, gro] = run.scopes;
    expect(pay).toMatchObject({ scope: 'payments', fetched: 30 });
    expect(pay?.error).toBeUndefined();
    expect(gro?.scope).toBe('growth');
    expect(gro?.error).toMatch(/\(403\).*Browse Projects/);
    expect(await deps().store.getItem('PAY-30')).not.toBeNull();

    const summary = formatSyncSummary(run);
    expect(summary.split('\n')[0]).toMatch(/^synced 2 scopes: 30 items fetched, .* requests, \d+ points, [\d.]+ s; 1 failed$/);
    expect(summary).toContain('growth: ');
  });
});
