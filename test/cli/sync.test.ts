import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SampleJiraServer, startSampleJiraServer } from '../../src/demo/sample-jira-server.js';
import { createReadiness } from '../../src/runtime/readiness.js';
import { systemClock } from '../../src/ports.js';
import { QUEUES } from '../../src/queue/queues.js';
import { syncDepsFrom } from '../../src/sync/wire.js';
import { scheduleSync, startSyncWorker } from '../../workers/sync.worker.js';
import { generateSite, startFakeJira } from '../support/fake-jira-server.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { testAdapters } from '../support/test-adapters.js';
import { waitFor } from '../delivery/outbox-harness.js';
import { startFakeSlackApi } from '../support/fake-slack-api.js';
import { startTestProcess } from '../support/test-process.js';

const run = promisify(execFile);

describe('who-owns sync --once and the sync queue', () => {
  let redis: TestRedis;
  let jira: SampleJiraServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    redis = await startTestRedis();
    jira = await startSampleJiraServer('samples/jira');
    env = {
      PATH: process.env.PATH ?? '',
      WHO_OWNS_CONFIG: 'samples/who-owns.yaml',
      REDIS_URL: redis.url,
      JIRA_BASE_URL: jira.url,
      JIRA_EMAIL: 'bot@example.com',
      JIRA_API_TOKEN: 'sample-site-token',
    };
  });
  afterAll(async () => {
    await jira.close();
    await redis.stop();
  });

  it('syncs every team once, prints a one-line summary, and is incremental the second time', async () => {
    const first = await run(process.execPath, ['bin/who-owns.js', 'sync', '--once'], { env, timeout: 60_000 });
    const second = await run(process.execPath, ['bin/who-owns.js', 'sync', '--once'], { env, timeout: 60_000 });

    expect(first.stdout).toMatch(/^synced 3 scopes: \d+ items fetched, \d+ changed, 0 removed, \d+ requests, \d+ points, [\d.]+ s$/m);
    expect(Number(/(\d+) changed/.exec(first.stdout)?.[1])).toBeGreaterThan(190);
    expect(second.stdout).toMatch(/ 0 changed/);
    const store = testAdapters(redis.client(), { prefix: 'who-owns' }).adapters.items;
    expect((await store.getVerdict('PAY-474'))?.role).toBe('PO');
    expect(await store.awaitingAcceptanceKeys('payments')).toEqual(expect.arrayContaining(['PAY-474', 'PAY-441']));
  });

  it('syncs the example team file although board 12’s filter is not shared with the bot, and reports the board', async () => {
    const site = generateSite({ count: 2_000 });
    // The board is readable; its saved filter is not (it is shared with a group the bot is not in).
    site.boards = { values: [{ id: 12, name: 'PAY board', type: 'scrum', location: { projectKey: 'PAY' }, filter: { id: 10_012 } }] };
    const fake = await startFakeJira(site);
    try {
      const result = await run(process.execPath, ['bin/who-owns.js', 'sync', '--once'], { env: { ...env, WHO_OWNS_CONFIG: 'config/who-owns.example.yaml', REDIS_PREFIX: 'example', JIRA_BASE_URL: fake.url }, timeout: 60_000 });

      expect(result.stdout).toMatch(/^synced 1 scope: 2000 items fetched, 2000 changed, 0 removed, .*; 1 warning, the rest synced\n {2}payments: board 12: its saved filter 10012 is not shared with the bot\n$/);
      const client = redis.client();
      const { items, syncCursors } = testAdapters(client, { prefix: 'example', teams: [] }).adapters;
      expect(await items.teamItemKeys('payments')).toHaveLength(2_000);
      const readiness = createReadiness({ redis: client, clock: { now: () => new Date() }, syncWarnings: () => syncCursors.allWarnings(['payments']) });
      expect((await readiness()).checks.find((c) => c.name === 'sync')).toEqual({ name: 'sync', ok: true, detail: 'partial: payments: board 12: its saved filter 10012 is not shared with the bot' });
      client.disconnect();

      // config check, with Jira reachable, says the same before any sync.
      const check = await run(process.execPath, ['bin/who-owns.js', 'config', 'check', 'config/who-owns.example.yaml'], { env: { ...env, JIRA_BASE_URL: fake.url }, timeout: 60_000 });
      expect(check.stdout).toContain('Jira scopes:\n  payments: partly readable — board 12: its saved filter 10012 is not shared with the bot\n');
    } finally {
      await fake.close();
    }
  });

  it('tells the operator which credentials Jira refused and exits 1', async () => {
    const refusing = await startFakeJira(generateSite({ count: 5 }), { status: 401 });
    try {
      const result = await run(process.execPath, ['bin/who-owns.js', 'sync', '--once'], { env: { ...env, JIRA_BASE_URL: refusing.url }, timeout: 60_000 }).catch((e: { code: number; stdout: string }) => e);

      expect(result).toMatchObject({ code: 1 });
      expect((result as { stdout: string }).stdout).toMatch(/3 failed\n {2}payments: .*\(401\).*JIRA_API_TOKEN/);
    } finally {
      await refusing.close();
    }
  });

  it('without a Slack token, says which teams have items that newly need attention and queues no nudge', async () => {
    const { stdout } = await run(process.execPath, ['bin/who-owns.js', 'sync', '--once'], { env: { ...env, REDIS_PREFIX: 'cron-quiet' }, timeout: 60_000 });

    expect(stdout).toMatch(/^ {2}nudges: \d+ items newly need attention \((payments|growth|platform) \d+.*\); none sent: SLACK_BOT_TOKEN is not set$/m);
    const nudges = new Queue('nudges', { connection: redis.client(), prefix: 'cron-quiet' });
    expect(await nudges.getJobCounts('waiting', 'delayed', 'active', 'completed')).toEqual({ waiting: 0, delayed: 0, active: 0, completed: 0 });
    await nudges.close();
  });

  it('from cron, hands the nudges to the running process, which posts them within seconds', async () => {
    const slack = await startFakeSlackApi();
    const slackEnv = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'who-owns-test-signing-secret', SLACK_API_URL: slack.apiUrl, REDIS_PREFIX: 'cron' };
    // Monday 10:30 in Berlin, inside the teams' working hours; the process syncs nothing itself.
    const proc = await startTestProcess(redis.url, { env: slackEnv, work: true, queues: ['nudges', 'notify'], clock: { now: () => new Date('2026-11-23T09:30:00Z') } });
    try {
      const nudgesPosted = () => ['C0PAYMENTS', 'C0GROWTH1', 'C0PLATFORM'].flatMap((c) => slack.channelMessages(c)).filter((m) => /needs? an owner decision/.test(JSON.stringify(m)));
      await new Promise((r) => setTimeout(r, 500));
      expect(nudgesPosted()).toEqual([]);

      const { stdout } = await run(process.execPath, ['bin/who-owns.js', 'sync', '--once'], { env: { ...env, ...slackEnv }, timeout: 60_000 });
      const ranAt = Date.now();

      expect(stdout).toMatch(/^ {2}nudges: \d+ items newly need attention \(.*\); the running who-owns process nudges about them now/m);
      await waitFor(() => nudgesPosted().length > 0, 15_000);
      expect(Date.now() - ranAt).toBeLessThan(15_000);
    } finally {
      await proc.stop();
      await slack.close();
    }
  }, 90_000);

  it('after its sync, queues everything a running process queues after its own sync', async () => {
    const slack = await startFakeSlackApi();
    const slackEnv = (prefix: string) => ({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'who-owns-test-signing-secret', SLACK_API_URL: slack.apiUrl, REDIS_PREFIX: prefix });
    const jiraEnv = { JIRA_BASE_URL: jira.url, JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 'sample-site-token' };
    /** Jobs the sync's reactions left for other queues (nothing takes them here). */
    const connection = redis.client();
    const queuedAfterSync = async (prefix: string) => {
      const found: Record<string, string[]> = {};
      for (const name of Object.values(QUEUES).filter((q) => q !== QUEUES.sync)) {
        const queue = new Queue(name, { connection, prefix });
        found[name] = (await queue.getJobs(['waiting', 'delayed', 'prioritized'])).map((job) => String(job.id)).sort();
        await queue.close();
      }
      return found;
    };
    // In both installs the PO's reminder lists PAY-425, which does not wait for acceptance: a sync redraws it.
    for (const prefix of ['after-process', 'after-cron']) {
      const { adapters, close } = testAdapters(connection, { prefix, env: { ...jiraEnv, ...slackEnv(prefix) } });
      await adapters.acceptanceState.rememberReminder({ id: 'accept:payments:U0PRIYA01:2026-11-23', teamId: 'payments', channel: 'U0PRIYA01', keys: ['PAY-474', 'PAY-425'], signature: 'as posted' });
      await close();
    }
    try {
      // A running process syncs every team at start; only its sync worker runs, so what the sync queued stays queued.
      const proc = await startTestProcess(redis.url, { env: { ...jiraEnv, ...slackEnv('after-process') }, work: true, serve: false, queues: [QUEUES.sync] });
      const syncs = new Queue(QUEUES.sync, { connection, prefix: 'after-process' });
      await waitFor(async () => ((await syncs.getJobCounts('completed')).completed ?? 0) >= 3, 30_000);
      await syncs.close();
      await proc.stop();

      await run(process.execPath, ['bin/who-owns.js', 'sync', '--once'], { env: { ...env, ...slackEnv('after-cron') }, timeout: 60_000 });

      const byProcess = await queuedAfterSync('after-process');
      expect(byProcess[QUEUES.nudges]?.length).toBeGreaterThan(0);
      expect(byProcess[QUEUES.notify]).toHaveLength(1);
      expect(await queuedAfterSync('after-cron')).toEqual(byProcess);
    } finally {
      await slack.close();
    }
  }, 90_000);

  it('runs scope jobs on the BullMQ sync queue and keeps one schedule per team across restarts', async () => {
    const connection = redis.client();
    const { adapters, config } = testAdapters(connection, { prefix: 'q', env: { JIRA_BASE_URL: jira.url, JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 'sample-site-token' } });
    const queue = new Queue('sync', { connection, prefix: 'q' });
    const events = new QueueEvents('sync', { connection: redis.client(), prefix: 'q' });
    const worker = startSyncWorker(syncDepsFrom(adapters, config, systemClock), redis.client(), 'q');
    try {
      await scheduleSync(queue, ['payments', 'growth']);
      await scheduleSync(queue, ['payments']);
      const schedulers = (await queue.getJobSchedulers()).map((s) => s.key).sort();
      const job = await queue.add('scope', { kind: 'scope', teamId: 'platform', mode: 'full' });
      const summary = await job.waitUntilFinished(events, 30_000);

      expect(schedulers).toEqual(['sync-full-payments', 'sync-payments']);
      expect(summary).toMatchObject({ scope: 'platform', mode: 'full' });
      expect(summary.fetched).toBeGreaterThan(40);
    } finally {
      await worker.close();
      await events.close();
      await queue.close();
    }
  });
});

describe('who-owns explain', () => {
  it('prints one verdict with every reason, read live when the store does not have it', async () => {
    const redis = await startTestRedis();
    const jira = await startSampleJiraServer('samples/jira');
    try {
      const env = { PATH: process.env.PATH ?? '', WHO_OWNS_CONFIG: 'samples/who-owns.yaml', REDIS_URL: redis.url, JIRA_BASE_URL: jira.url, JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 'sample-site-token' };

      const { stdout } = await run(process.execPath, ['bin/who-owns.js', 'explain', 'PAY-425'], { env, timeout: 60_000 });

      expect(stdout).toMatch(/^PAY-425 {2}Disputes without spreadsheets/);
      expect(stdout).toMatch(/role PM · state owned/);
      expect(stdout).toMatch(/read live from Jira/);
      expect(stdout).toMatch(/PM \+\d.*hierarchy level 2.*\[issuetype.hierarchyLevel = 2\]/);
    } finally {
      await jira.close();
      await redis.stop();
    }
  });
});
