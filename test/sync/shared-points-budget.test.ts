import { type ChildProcess, spawn } from 'node:child_process';
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
 * A sync worker process (as `who-owns work` runs it) and a cron's `who-owns sync --once` share
 * one Jira app and so one hourly points quota: what they spend together stays within the one
 * background share, and a live look-up from a third process still answers from the share kept
 * for look-ups.
 */
const PER_HOUR = 1_500;
const BACKGROUND_LIMIT = PER_HOUR * 0.8;
/** One search page of 100 items: 1 point for the call, 1 per issue. */
const PAGE_POINTS = 101;
const PREFIX = 'shared-points';
/** Slow enough that neither process spends the hour's share before the other starts. */
const RPS = 5;

let redis: TestRedis;
let client: Redis;
let jira: SampleJiraServer;
let dir: string;
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
});

/** A team file with one team: each process syncs its own. */
function teamFile(id: string, name: string, project: string): string {
  const path = join(dir, `${id}.yaml`);
  writeFileSync(path, `teams:\n  - id: ${id}\n    name: ${name}\n    jira: { projects: [${project}] }\n`);
  return path;
}
afterAll(async () => {
  for (const child of children) await killHard(child);
  await jira.close();
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('one points budget for every process of the install (JIRA_POINTS_PER_HOUR)', () => {
  it('keeps a sync worker and a cron sync --once together within the hour’s background share, and look-ups still answer', async () => {
    const worker = await startWorkerProcess('test/support/sync-worker-process.ts', { redisUrl: redis.url, prefix: PREFIX, jiraUrl: jira.url, teamFile: teamFile('payments', 'Payments', 'PAY'), maxRps: RPS, pointsPerHour: PER_HOUR, lockMs: 30_000 });
    children.push(worker);
    const cron = spawn(process.execPath, ['bin/who-owns.js', 'sync', '--once'], {
      env: { PATH: process.env.PATH ?? '', WHO_OWNS_CONFIG: teamFile('growth', 'Growth', 'GRO'), REDIS_URL: redis.url, REDIS_PREFIX: PREFIX, JIRA_BASE_URL: jira.url, JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 'x', JIRA_MAX_RPS: String(RPS), JIRA_POINTS_PER_HOUR: String(PER_HOUR), LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    children.push(cron);
    const teams = [aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [], components: [] } }), aTeam({ id: 'growth', name: 'Growth', jira: { projects: ['GRO'], boards: [], components: [] } })];
    const { adapters } = testAdapters(client, {
      prefix: PREFIX,
      teams,
      env: { JIRA_BASE_URL: jira.url, JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 'x', JIRA_MAX_RPS: '1000', JIRA_POINTS_PER_HOUR: String(PER_HOUR) },
    });

    // Once the cron's sync is under way the worker's starts: both sync until the shared hour is spent, then neither asks Jira again.
    await waitFor(async () => (await adapters.items.teamItemKeys('growth')).length > 0, 30_000, 'the cron sync to store a page');
    const queue = new Queue(QUEUES.sync, { connection: client, prefix: PREFIX });
    await queue.add('scope', { kind: 'scope', teamId: 'payments', mode: 'full' }, { jobId: 'full-payments' });
    await waitFor(() => spent.points >= BACKGROUND_LIMIT && Date.now() - spent.lastAt > 1_500, 40_000, 'the syncs to stop at the budget');
    const bothSynced = [(await adapters.items.teamItemKeys('payments')).length, (await adapters.items.teamItemKeys('growth')).length];
    const stoppedAt = { ...spent };

    const site = adapters.jira;
    if (!site) throw new Error('the test site is configured');
    const lookup = createLiveLookup({ jira: site.reader, items: adapters.items, decisions: adapters.decisions, teams });
    const asked = Date.now();
    const answer = await lookup('GRO-1999');
    const answeredIn = Date.now() - asked;

    // Each process alone would have spent its own 1,200: together they spent one hour's share.
    expect(stoppedAt.points).toBeGreaterThanOrEqual(BACKGROUND_LIMIT);
    expect(stoppedAt.points).toBeLessThanOrEqual(BACKGROUND_LIMIT + 3 * PAGE_POINTS);
    expect(bothSynced.every((n) => n > 0 && n < 2_000)).toBe(true);
    expect(await queue.getActiveCount()).toBe(1);
    expect(cron.exitCode).toBeNull();
    expect(answer?.item.key).toBe('GRO-1999');
    expect(answeredIn).toBeLessThan(2_000);
    await queue.close();
  }, 60_000);
});
