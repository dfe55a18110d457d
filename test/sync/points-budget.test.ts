import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PointsBudget } from '../../src/jira/points-budget.js';
import { metrics } from '../../src/metrics.js';
import { createLiveLookup } from '../../src/slack/live-lookup.js';
import { formatSyncSummary, runSyncOnce } from '../../src/sync/sync-service.js';
import type { SyncDeps } from '../../src/sync/sync-team.js';
import { syncDepsFrom } from '../../src/sync/wire.js';
import { aTeam } from '../support/builders.js';
import { type FakeJira, generateSite, startFakeJira } from '../support/fake-jira-server.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { testAdapters } from '../support/test-adapters.js';

const team = aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [], components: [] } });
const PER_HOUR = 1_500;
/** What sync may spend in any hour: the budget minus the 20% kept for interactive look-ups. */
const BACKGROUND_LIMIT = PER_HOUR * 0.8;
/** One search page of 100 items: 1 point for the call, 1 per issue. */
const PAGE_POINTS = 101;

let redis: TestRedis;
let client: Redis;
let jira: FakeJira;

beforeAll(async () => {
  redis = await startTestRedis();
  client = redis.client();
  jira = await startFakeJira(generateSite({ count: 2_000 }));
});
afterAll(async () => {
  await jira.close();
  await redis.stop();
});

describe('a Jira Cloud points budget (JIRA_POINTS_PER_HOUR)', () => {
  it('slows a full sync to its share of the hourly points while live look-ups still answer', async () => {
    // Simulated time: a wait for the budget moves the clock on by the hour it asks for.
    let offset = 0;
    const waits: number[] = [];
    const budget = new PointsBudget({
      redis: client,
      key: 'wo',
      perHour: PER_HOUR,
      now: () => Date.now() + offset,
      sleep: async (ms) => {
        waits.push(ms);
        await new Promise((r) => setTimeout(r, 50));
        offset += ms;
      },
    });
    const { adapters, config } = testAdapters(client, {
      prefix: 'wo',
      teams: [team],
      env: { JIRA_BASE_URL: jira.url, JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 'x', JIRA_MAX_RPS: '1000' },
      jira: { limits: { budget } },
    });
    const site = adapters.jira;
    if (!site) throw new Error('the test site is configured');
    const withinBudget: number[] = [];
    const deps: SyncDeps = {
      ...syncDepsFrom(adapters, config, { now: () => new Date(Date.now() + offset) }),
      fastFullSync: false,
      afterPage: async () => {
        withinBudget.push(await budget.usedLastHour());
      },
    };
    const lookup = createLiveLookup({ jira: site.reader, items: adapters.items, decisions: adapters.decisions, teams: [team] });

    const sync = runSyncOnce(deps, 'full');
    let settled = false;
    void sync.finally(() => {
      settled = true;
    });
    // Once sync has spent its share it waits; a look-up meanwhile uses the interactive share.
    while (waits.length === 0) await new Promise((r) => setTimeout(r, 5));
    const asked = Date.now();
    const answer = await lookup('PAY-1999');
    const answeredIn = Date.now() - asked;
    const syncStillWaiting = !settled;
    const run = await sync;

    expect(answer?.item.key).toBe('PAY-1999');
    expect(syncStillWaiting).toBe(true);
    expect(answeredIn).toBeLessThan(2_000);
    expect(run.scopes[0]).toMatchObject({ fetched: 2_000 });
    // 20 pages of 101 points cannot fit one hour's 1,200: sync waited for the window to move on.
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThan(30 * 60_000);
    expect(Math.max(...withinBudget)).toBeLessThanOrEqual(BACKGROUND_LIMIT + PAGE_POINTS);
    expect(run.points).toBeGreaterThanOrEqual(20 * PAGE_POINTS);
    expect(formatSyncSummary(run)).toMatch(new RegExp(`, ${run.points} points, `));
    const exposition = await metrics.registry.metrics();
    expect(exposition).toMatch(/who_owns_jira_points_total\{lane="background"\} [1-9]\d*/);
    expect(exposition).toMatch(/who_owns_jira_points_total\{lane="interactive"\} [1-9]\d*/);
  });
});
