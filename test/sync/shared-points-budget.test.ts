import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SampleJiraServer, startJiraSiteServer } from '../../src/demo/sample-jira-server.js';
import { QUEUES } from '../../src/queue/queues.js';
import { createLiveLookup } from '../../src/slack/live-lookup.js';
import { killHard, startWorkerProcess, waitFor } from '../faults/support/worker-process.js';
import { aTeam } from '../support/builders.js';
import { generateSite } from '../support/fake-jira-server.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { testAdapters } from '../support/test-adapters.js';

/**
 * Two sync workers, each in its own process, share one Jira app and so one hourly points
 * quota: what they spend together stays within the one background share, and a live look-up
 * from a third process still answers from the share kept for look-ups.
 */
const PER_HOUR = 1_500;
const BACKGROUND_LIMIT = PER_HOUR * 0.8;
/** One search page of 100 items: 1 point for the call, 1 per issue. */
const PAGE_POINTS = 101;
const PREFIX = 'shared-points';

let redis: TestRedis;
let client: Redis;
let jira: SampleJiraServer;
let dir: string;
let teamFile: string;
const children: ChildProcess[] = [];
/** Points Jira counted, as Atlassian documents them: 1 a call, plus 1 per object a read returns. */
const spent = { points: 0, requests: 0, lastAt: 0 };

function countPoints(res: ServerResponse): void {
  const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
  res.end = ((chunk?: unknown) => {
    let objects = 0;
    try {
      const body = JSON.parse(String(chunk ?? '')) as unknown;
      const list = Array.isArray(body) ? body : (body as { issues?: unknown[] } | null)?.issues;
      objects = Array.isArray(list) ? list.length : 1;
    } catch {
      // An empty answer costs the call's point only.
    }
    spent.points += 1 + objects;
    spent.requests++;
    spent.lastAt = Date.now();
    return end(chunk);
  }) as ServerResponse['end'];
}

beforeAll(async () => {
  redis = await startTestRedis();
  client = redis.client();
  const site = generateSite({ count: 2_000, projectKey: 'PAY' });
  site.issues.push(...generateSite({ count: 2_000, projectKey: 'GRO' }).issues.map((issue, n) => ({ ...issue, id: String(500_000 + n) })));
  site.projects = [...(site.projects as unknown[]), { key: 'GRO', name: 'GRO', projectTypeKey: 'software' }];
  jira = await startJiraSiteServer(site, (_req, res) => {
    countPoints(res);
    return false;
  });
  dir = mkdtempSync(join(tmpdir(), 'who-owns-shared-points-'));
  teamFile = join(dir, 'teams.yaml');
  writeFileSync(teamFile, 'teams:\n  - id: payments\n    name: Payments\n    jira: { projects: [PAY] }\n  - id: growth\n    name: Growth\n    jira: { projects: [GRO] }\n');
});
afterAll(async () => {
  for (const child of children) await killHard(child);
  await jira.close();
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('one points budget for every process of the install (JIRA_POINTS_PER_HOUR)', () => {
  it('keeps two sync processes together within the hour’s background share, and look-ups still answer', async () => {
    for (let i = 0; i < 2; i++) {
      children.push(await startWorkerProcess('test/support/sync-worker-process.ts', { redisUrl: redis.url, prefix: PREFIX, jiraUrl: jira.url, teamFile, maxRps: 1000, pointsPerHour: PER_HOUR }));
    }
    const queue = new Queue(QUEUES.sync, { connection: client, prefix: PREFIX });
    for (const teamId of ['payments', 'growth']) await queue.add('scope', { kind: 'scope', teamId, mode: 'full' }, { jobId: `full-${teamId}` });
    const teams = [aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [], components: [] } }), aTeam({ id: 'growth', name: 'Growth', jira: { projects: ['GRO'], boards: [], components: [] } })];
    const { adapters } = testAdapters(client, {
      prefix: PREFIX,
      teams,
      env: { JIRA_BASE_URL: jira.url, JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 'x', JIRA_MAX_RPS: '1000', JIRA_POINTS_PER_HOUR: String(PER_HOUR) },
    });

    // Both workers sync at once until the shared hour is spent; then neither asks Jira again.
    await waitFor(async () => (await queue.getActiveCount()) === 2, 20_000, 'both workers to take a scope');
    await waitFor(() => spent.points >= BACKGROUND_LIMIT && Date.now() - spent.lastAt > 1_500, 30_000, 'the syncs to stop at the budget');
    const bothSynced = [(await adapters.items.teamItemKeys('payments')).length, (await adapters.items.teamItemKeys('growth')).length];
    const stoppedAt = { ...spent };

    const site = adapters.jira;
    if (!site) throw new Error('the test site is configured');
    const lookup = createLiveLookup({ ...site, items: adapters.items, decisions: adapters.decisions, teams });
    const asked = Date.now();
    const answer = await lookup('GRO-1999');
    const answeredIn = Date.now() - asked;

    // Each process alone would have spent its own 1,200: together they spent one hour's share.
    expect(stoppedAt.points).toBeGreaterThanOrEqual(BACKGROUND_LIMIT);
    expect(stoppedAt.points).toBeLessThanOrEqual(BACKGROUND_LIMIT + 3 * PAGE_POINTS);
    expect(bothSynced.every((n) => n > 0 && n < 2_000)).toBe(true);
    expect(await queue.getActiveCount()).toBe(2);
    expect(answer?.item.key).toBe('GRO-1999');
    expect(answeredIn).toBeLessThan(2_000);
    await queue.close();
  }, 60_000);
});
