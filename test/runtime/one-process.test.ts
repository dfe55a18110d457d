import type { IncomingMessage } from 'node:http';
import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SampleJiraServer, startJiraSiteServer } from '../../src/demo/sample-jira-server.js';
import { QUEUES } from '../../src/queue/queues.js';
import { waitFor } from '../delivery/outbox-harness.js';
import { generateSite } from '../support/fake-jira-server.js';
import { startPacedJiraProcess } from '../support/fake-jira-process.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { signedHeaders, slashCommandBody } from '../support/slack-signing.js';
import { startSwitchableProxy } from '../support/switchable-proxy.js';
import { startTestProcess, type TestProcess } from '../support/test-process.js';
import { busiestSecond } from '../support/busiest-second.js';

const SECRET = 'who-owns-test-signing-secret';
/** Monday 23 November 2026, 10:30 in Berlin: inside the teams' working hours. */
const MONDAY = new Date('2026-11-23T09:30:00Z');

let redis: TestRedis;
let slack: FakeSlackApi;
const open: { stop(): Promise<unknown> }[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  slack = await startFakeSlackApi();
});
afterEach(async () => {
  for (const resource of open.splice(0).reverse()) await resource.stop();
  slack.reset();
});
afterAll(async () => {
  await slack.close();
  await redis.stop();
});

/** A Jira site on loopback that notes when each request arrived. */
async function recordingJira(site: ReturnType<typeof generateSite>): Promise<{ jira: SampleJiraServer; arrivals: number[] }> {
  const arrivals: number[] = [];
  const jira = await startJiraSiteServer(site, (_req: IncomingMessage) => {
    arrivals.push(Date.now());
    return false;
  });
  open.push({ stop: () => jira.close() });
  return { jira, arrivals };
}

async function start(env: Record<string, string>, options: { work?: boolean; teams?: 'payments' } = {}): Promise<TestProcess> {
  const proc = await startTestProcess(redis.url, {
    env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, ...env },
    work: options.work ?? false,
    clock: { now: () => MONDAY },
    // The generated site has no boards: the team is claimed by its project alone.
    ...(options.teams ? { teams: (teams) => teams.filter((t) => t.id === options.teams).map((t) => ({ ...t, jira: { ...t.jira, boards: [] } })) } : {}),
  });
  open.push(proc);
  return proc;
}

function command(proc: TestProcess, text: string, id: string, origin = slack.origin): Promise<Response> {
  const body = slashCommandBody({ text, user_id: 'U0PRIYA01', channel_id: 'C0PAYMENTS', response_url: `${origin}/response/${id}` });
  return fetch(proc.slackUrl, { method: 'POST', headers: signedHeaders(SECRET, body), body });
}

describe('one who-owns start process, wired as in production', () => {
  it('never sends Jira more than JIRA_MAX_RPS while a full sync and 50 live look-ups run together', async () => {
    // No team claims OPS: each look-up misses the store and reads Jira live.
    const jira = await startPacedJiraProcess({ site: { count: 2000, projectKey: 'PAY' }, more: [{ count: 50, projectKey: 'OPS' }], latencyMs: 0, rps: 0 });
    open.push({ stop: () => jira.close() });
    const proc = await start({ REDIS_PREFIX: '{rps}', JIRA_BASE_URL: jira.url, JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 'x', JIRA_MAX_RPS: '10' }, { work: true, teams: 'payments' });
    const sync = new Queue(QUEUES.sync, { connection: redis.client(), prefix: '{rps}' });
    open.push({ stop: () => sync.close() });

    await sync.add('scope', { kind: 'scope', teamId: 'payments', mode: 'full' }, { jobId: 'rps-full' });
    const lookups = await Promise.all(Array.from({ length: 50 }, (_, i) => command(proc, `OPS-${i + 1}`, `rps-${i}`)));
    await waitFor(() => Array.from({ length: 50 }, (_, i) => slack.responses(`rps-${i}`).length).every((n) => n === 1), 60_000);
    await waitFor(async () => (await sync.getJobState('rps-full')) === 'completed', 60_000);
    const { arrivals } = await jira.report();

    expect(lookups.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(await proc.runtime.adapters.items.teamItemKeys('payments')).toHaveLength(2000);
    expect(arrivals.length).toBeGreaterThan(50 + 20);
    expect(busiestSecond(arrivals)).toBeLessThanOrEqual(10);
  }, 90_000);

  it('nudges about an item that becomes unclear in a sync within seconds, not at the next 30-minute sweep', async () => {
    const site = generateSite({ count: 30, projectKey: 'PAY' });
    const { jira } = await recordingJira(site);
    await start({ REDIS_PREFIX: '{nudge}', JIRA_BASE_URL: jira.url, JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 'x', JIRA_MAX_RPS: '1000' }, { work: true, teams: 'payments' });
    const sync = new Queue(QUEUES.sync, { connection: redis.client(), prefix: '{nudge}' });
    open.push({ stop: () => sync.close() });
    await sync.add('scope', { kind: 'scope', teamId: 'payments', mode: 'full' }, { jobId: 'nudge-full' });
    await waitFor(async () => (await sync.getJobState('nudge-full')) === 'completed', 20_000);
    // Nothing needed attention after the first sync, so the sweeps run at start nudged about nothing.
    const mentions = (key: string) => slack.channelMessages('C0PAYMENTS').filter((m) => JSON.stringify(m).includes(`${key}|`) || JSON.stringify(m).includes(`${key} `));
    await new Promise((r) => setTimeout(r, 300));
    expect(mentions('PAY-5')).toEqual([]);

    // Someone turns a story into a vague epic in Jira; the next incremental sync reads it.
    const issue = site.issues.find((i) => i.key === 'PAY-5');
    Object.assign(issue?.fields as Record<string, unknown>, {
      summary: 'Something vague about payments',
      issuetype: { id: '10000', name: 'Epic', subtask: false, hierarchyLevel: 1 },
      customfield_10016: null,
      customfield_10020: null,
      updated: MONDAY.toISOString().replace('Z', '+0000'),
    });
    const changedAt = Date.now();
    await sync.add('scope', { kind: 'scope', teamId: 'payments', mode: 'incremental' }, { jobId: 'nudge-incremental' });

    await waitFor(() => mentions('PAY-5').length > 0, 10_000);
    expect(JSON.stringify(mentions('PAY-5'))).toMatch(/needs? an owner decision/);
    expect(Date.now() - changedAt).toBeLessThan(10_000);
  }, 40_000);

  it('acknowledges signed /who-owns within 3 s while the Slack Web API refuses connections, and answers once it is back', async () => {
    const slackFront = await startSwitchableProxy(Number(new URL(slack.origin).port));
    const origin = `http://127.0.0.1:${slackFront.port}`;
    await slackFront.down();
    const proc = await start({ REDIS_PREFIX: '{down}', SLACK_API_URL: `${origin}/api/` });

    const timings = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const sent = Date.now();
        const res = await command(proc, 'help', `down-${i}`, origin);
        return { status: res.status, ms: Date.now() - sent };
      }),
    );
    expect(timings.map((t) => t.status)).toEqual(Array(5).fill(200));
    expect(Math.max(...timings.map((t) => t.ms))).toBeLessThan(3000);
    expect(slack.responses('down-0')).toEqual([]);

    await slackFront.up();
    open.push({ stop: () => slackFront.down() });
    await waitFor(() => Array.from({ length: 5 }, (_, i) => slack.responses(`down-${i}`).length).every((n) => n === 1), 30_000);
    expect(String(slack.responses('down-0')[0]?.text)).toMatch(/who-owns/i);
    // The bot's identity came from start-up, never from a request.
    expect(slack.callsTo('auth.test')).toEqual([]);
  }, 60_000);
});
