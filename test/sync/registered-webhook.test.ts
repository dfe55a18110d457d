import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SampleJiraServer, startJiraSiteServer } from '../../src/demo/sample-jira-server.js';
import type { SampleSite } from '../../src/demo/sample-site.js';
import { checkRegisteredWebhook } from '../../src/doctor/runtime-checks.js';
import { QUEUES } from '../../src/queue/queues.js';
import { waitFor } from '../faults/support/worker-process.js';
import { generateSite } from '../support/fake-jira-server.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { startTestProcess, type TestProcess } from '../support/test-process.js';

/**
 * A `start` process with JIRA_WEBHOOK_URL registers its webhook through Jira Cloud's REST API,
 * keeps it alive with the daily job before Jira's 30 days run out, reports a failing refresh
 * in /readyz and doctor, and accepts deliveries to the registered URL, which Jira does not sign.
 */
const SECRET = 'registered-webhook-secret';
const PUBLIC_URL = 'https://who-owns.example.com/webhooks/jira';
const PREFIX = 'registered-webhook';
const DAY = 24 * 3600_000;

let redis: TestRedis;
let site: SampleSite;
let jira: SampleJiraServer;
let proc: TestProcess;
let queue: Queue;
let now = new Date('2026-12-01T09:00:00Z');
let refuseRefresh = false;

beforeAll(async () => {
  redis = await startTestRedis();
  site = { ...generateSite({ count: 20 }), now: () => now };
  jira = await startJiraSiteServer(site, (req, res) => {
    if (!refuseRefresh || !req.url?.startsWith('/rest/api/3/webhook/refresh')) return false;
    res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 401, message: 'Unauthorized; scope does not match' }));
    return true;
  });
  proc = await startTestProcess(redis.url, {
    env: { REDIS_PREFIX: PREFIX, JIRA_BASE_URL: jira.url, JIRA_OAUTH_TOKEN: 'oauth-access-token', JIRA_WEBHOOK_SECRET: SECRET, JIRA_WEBHOOK_URL: PUBLIC_URL, JIRA_MAX_RPS: '1000' },
    serve: true,
    work: true,
    clock: { now: () => now },
    teams: (teams) => teams.slice(0, 1).map((t) => ({ ...t, jira: { projects: ['PAY'], boards: [], components: [] } })),
  });
  queue = new Queue(QUEUES.sync, { connection: redis.client(), prefix: PREFIX });
});
afterAll(async () => {
  await queue.close();
  await proc.stop();
  await jira.close();
  await redis.stop();
});

async function readyDetail(): Promise<string> {
  const body = (await (await fetch(`${proc.base}/readyz`)).json()) as { checks: { name: string; detail: string }[] };
  return body.checks.find((c) => c.name === 'webhooks')?.detail ?? '';
}

async function runUpkeep(jobId: string): Promise<string> {
  await queue.add('webhooks', { kind: 'webhooks' }, { jobId });
  await waitFor(async () => ['completed', 'failed'].includes(await queue.getJobState(jobId)), 20_000, `job ${jobId}`);
  return queue.getJobState(jobId);
}

describe('a webhook registered through the REST API (JIRA_WEBHOOK_URL)', () => {
  it('is registered at start for the teams’ projects, refreshed before it expires, and its failures shown', async () => {
    await waitFor(() => (site.webhooks ?? []).length === 1, 20_000, 'the webhook to be registered');
    const [registered] = site.webhooks ?? [];
    expect(registered).toMatchObject({ jqlFilter: 'project IN ("PAY")', events: ['jira:issue_created', 'jira:issue_updated', 'jira:issue_deleted'] });
    expect(registered?.url.startsWith(`${PUBLIC_URL}?token=`)).toBe(true);
    expect(registered?.url).not.toContain(SECRET);
    await waitFor(async () => (await readyDetail()).includes('registered webhook'), 5_000, '/readyz to show it');
    expect(await readyDetail()).toContain(`expires ${new Date(now.getTime() + 30 * DAY).toISOString()}`);
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.find((s) => s.key === 'jira-webhook')).toMatchObject({ pattern: '30 4 * * *' });

    // Jira does not sign these deliveries: the token in the registered URL is what lets one in.
    const path = new URL(registered?.url ?? '').search;
    const payload = JSON.stringify({ webhookEvent: 'jira:issue_updated', timestamp: 1, issue: { key: 'PAY-3' } });
    expect((await fetch(`${proc.base}/webhooks/jira${path}`, { method: 'POST', body: payload })).status).toBe(202);
    expect((await fetch(`${proc.base}/webhooks/jira?token=${'0'.repeat(64)}`, { method: 'POST', body: payload })).status).toBe(401);

    // Twelve days on, 18 of Jira's 30 are left: the daily job refreshes the same webhook.
    now = new Date(now.getTime() + 12 * DAY);
    expect(await runUpkeep('upkeep-day-12')).toBe('completed');
    expect(site.webhooks?.map((w) => [w.id, w.expirationDate.toISOString()])).toEqual([[registered?.id, new Date(now.getTime() + 30 * DAY).toISOString()]]);
    expect(site.webhooksRegistered).toBe(1);

    // A refused refresh is reported, with the registration still alive until it expires.
    refuseRefresh = true;
    now = new Date(now.getTime() + 11 * DAY);
    expect(await runUpkeep('upkeep-day-23')).toBe('failed');
    expect(await readyDetail()).toMatch(/refreshing the webhook failed at .*401/);
    const [doctor] = await checkRegisteredWebhook(proc.runtime.adapters.registeredWebhook, now);
    expect(doctor).toMatchObject({ status: 'fail' });
    expect(doctor?.detail).toMatch(/failed/);

    // Once Jira takes the refresh again, the next run clears the failure.
    refuseRefresh = false;
    expect(await runUpkeep('upkeep-day-23-retry')).toBe('completed');
    expect(await readyDetail()).toContain('registered webhook');
    expect((await checkRegisteredWebhook(proc.runtime.adapters.registeredWebhook, now))[0]).toMatchObject({ status: 'pass' });
  }, 60_000);
});
