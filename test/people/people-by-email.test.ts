import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, parseTeamFile } from '../../config/load-config.js';
import type { Config } from '../../config/schema.js';
import { sendAcceptanceReminders } from '../../src/acceptance/reminder-service.js';
import { slackPresence } from '../../src/acceptance/slack-presence.js';
import { loadSampleSite, type SampleJiraServer, startJiraSiteServer } from '../../src/demo/sample-jira-server.js';
import { createLogger } from '../../src/logger.js';
import { peopleToResolve, resolvePeople } from '../../src/people/resolve-people.js';
import { peopleDirectories } from '../../src/runtime/people-directories.js';
import { runProcess } from '../../src/runtime/run-process.js';
import { systemClock } from '../../src/ports.js';
import { runSyncOnce } from '../../src/sync/sync-service.js';
import { syncDepsFrom } from '../../src/sync/wire.js';
import { type OutboxHarness, outboxHarness } from '../delivery/outbox-harness.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { signedHeaders, slashCommandBody } from '../support/slack-signing.js';
import { testAdapters } from '../support/test-adapters.js';
import { startTestProcess, type TestProcess } from '../support/test-process.js';

/** Monday 23 November 2026, 10:30 in Berlin: the Payments PO's reminder is due. */
const MONDAY = new Date('2026-11-23T09:30:00Z');
const SECRET = 'people-by-email-secret';
const PRIYA = 'U0PRIYA01';

/** The same people as each Jira deployment's user search answers for them. */
const JIRA_USERS = {
  cloud: [
    { accountId: '712020:priya-nair', accountType: 'atlassian', emailAddress: 'priya@acme-pay.example', displayName: 'Priya Nair', active: true },
    // Cloud hides emails by the user's choice; the search still finds the account by it.
    { accountId: '712020:marco-rossi', accountType: 'atlassian', displayName: 'marco@acme-pay.example', active: true },
    { accountId: '712020:lena-vogel', accountType: 'atlassian', emailAddress: 'lena@acme-pay.example', displayName: 'Lena Vogel', active: true },
  ],
  datacenter: [
    { name: 'priya.nair', key: 'JIRAUSER10100', emailAddress: 'priya@acme-pay.example', displayName: 'Priya Nair', active: true },
    { name: 'marco.rossi', key: 'JIRAUSER10101', emailAddress: 'marco@acme-pay.example', displayName: 'Marco Rossi', active: true },
    // Two accounts share Lena's address: neither is picked.
    { name: 'lena.vogel', key: 'JIRAUSER10102', emailAddress: 'lena@acme-pay.example', displayName: 'Lena Vogel', active: true },
    { name: 'lena.old', key: 'JIRAUSER10003', emailAddress: 'lena@acme-pay.example', displayName: 'Lena Vogel (old)', active: true },
  ],
} as const;

let redis: TestRedis;
let slack: FakeSlackApi;
beforeAll(async () => {
  redis = await startTestRedis();
  slack = await startFakeSlackApi({
    users: {
      [PRIYA]: { tz: 'Europe/Berlin', name: 'priya', email: 'priya@acme-pay.example' },
      U0MARCO02: { tz: 'Europe/Berlin', email: 'marco@acme-pay.example' },
      U0LENA003: { tz: 'Europe/Berlin', email: 'lena@acme-pay.example' },
    },
  });
});
afterAll(async () => {
  await slack.close();
  await redis.stop();
});

let jira: SampleJiraServer | undefined;
let harness: OutboxHarness | undefined;
let proc: TestProcess | undefined;
const EMAIL_ONLY = 'test/fixtures/teams/email-only.yaml';
let worldEnv: Record<string, string> = {};
afterEach(async () => {
  await proc?.stop();
  proc = undefined;
  await harness?.close();
  await jira?.close();
});

async function emailOnlyWorld(deployment: 'cloud' | 'datacenter'): Promise<Config> {
  await redis.client().flushall();
  slack.reset();
  const site = loadSampleSite('samples/jira');
  site.users = JIRA_USERS[deployment].map((u) => ({ ...u }));
  jira = await startJiraSiteServer(site);
  const auth: Record<string, string> = deployment === 'cloud' ? { JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 'x' } : { JIRA_PAT: 'pat' };
  worldEnv = { JIRA_BASE_URL: jira.url, JIRA_DEPLOYMENT: deployment, ...auth, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, REDIS_PREFIX: 'ppl' };
  return loadConfig(worldEnv, EMAIL_ONLY);
}

describe.each(['cloud', 'datacenter'] as const)('people given by email only (%s)', (deployment) => {
  it('get their Slack and Jira ids: the PO gets her acceptance reminder in her DM and /who-owns mine lists her items', async () => {
    const config = await emailOnlyWorld(deployment);
    const client = redis.client();
    const built = testAdapters(client, { prefix: 'ppl', env: worldEnv, teams: config.teams.teams });
    const { adapters } = built;
    const cache = adapters.peopleCache;
    const directories = peopleDirectories(adapters.slack?.web, adapters.jira?.clients);
    const targets = peopleToResolve(config.teams.teams);
    const results = await resolvePeople(targets, { directories, cache, now: MONDAY.getTime() });

    const outcome = (directory: string, email: string) => results.find((r) => r.directory === directory && r.email === email)?.outcome;
    expect(outcome('slack', 'priya@acme-pay.example')).toEqual({ status: 'resolved', id: PRIYA });
    expect(outcome('jira', 'priya@acme-pay.example')).toEqual({ status: 'resolved', id: deployment === 'cloud' ? '712020:priya-nair' : 'priya.nair' });
    expect(outcome('jira', 'marco@acme-pay.example')).toEqual({ status: 'resolved', id: deployment === 'cloud' ? '712020:marco-rossi' : 'marco.rossi' });
    expect(outcome('jira', 'lena@acme-pay.example')).toEqual(deployment === 'cloud' ? { status: 'resolved', id: '712020:lena-vogel' } : { status: 'ambiguous', candidates: ['lena.vogel', 'lena.old'] });
    expect(outcome('slack', 'nobody@acme-pay.example')).toEqual({ status: 'not-found' });
    const team = config.teams.teams[0];
    if (!team) throw new Error('no team');
    expect(team.po).toMatchObject({ slack: PRIYA, email: 'priya@acme-pay.example' });

    await runSyncOnce(syncDepsFrom(adapters, built.config, systemClock), 'full');
    harness = outboxHarness(redis, slack, 'ppl');
    harness.startWorker({ perChannelIntervalMs: 5 });
    const reminderDeps = { items: adapters.items, state: adapters.acceptanceState, outbox: adapters.outbox, presence: slackPresence(adapters.slack!.web) };
    const reminder = await sendAcceptanceReminders(reminderDeps, team, MONDAY);
    expect(reminder).toMatchObject({ sent: true, id: `accept:payments:${PRIYA}:2026-11-23` });
    for (let i = 0; i < 200 && slack.channelMessages('D0PRIYA01').length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(slack.channelMessages('D0PRIYA01').map((m) => m.text)).toEqual([expect.stringMatching(/wait for your acceptance$/)]);

    // `who-owns serve` resolves the same people at its start, as production does.
    proc = await startTestProcess(redis.url, { env: worldEnv, teamFile: EMAIL_ONLY });
    const body = slashCommandBody({ text: 'mine', user_id: PRIYA, channel_id: 'C0PAYMENTS', response_url: `${slack.origin}/response/mine-${deployment}` });
    const answer = await fetch(proc.slackUrl, { method: 'POST', headers: signedHeaders(SECRET, body), body });
    expect(answer.status).toBe(200);
    for (let i = 0; i < 200 && slack.responses(`mine-${deployment}`).length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    const listed = JSON.stringify(slack.responses(`mine-${deployment}`)[0]);
    expect(listed).toContain('What you own');
    expect(listed).toContain('PAY-');
  });
});

describe('a who-owns process', () => {
  it('resolves the people given by email before its features start', async () => {
    const config = await emailOnlyWorld('cloud');
    const running = await runProcess({ ...config, env: { ...config.env, REDIS_URL: redis.url } }, { serve: true, work: false, port: 0, handleSignals: false, slackRetries: 0, logger: createLogger({ level: 'silent' }) });
    try {
      const [team] = running.runtime.config.teams.teams;
      expect(team?.po).toMatchObject({ slack: PRIYA, jira: '712020:priya-nair' });
      expect(team?.members[0]).toMatchObject({ slack: 'U0LENA003', jira: '712020:lena-vogel' });
      await running.connectivity;
    } finally {
      await running.stop();
    }
  });
});

describe('who-owns config check', () => {
  it('reports each person given by email as resolved, not found or ambiguous, and fails while any is not resolved', async () => {
    const config = await emailOnlyWorld('datacenter');
    const env = { PATH: process.env.PATH ?? '', REDIS_URL: redis.url, JIRA_BASE_URL: String(config.env.JIRA_BASE_URL), JIRA_DEPLOYMENT: 'datacenter', JIRA_PAT: 'pat', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl };
    const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(process.execPath, ['bin/who-owns.js', 'config', 'check', 'test/fixtures/teams/email-only.yaml'], { env }, (error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }));
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('People given by email: 5 of 8 lookup(s) resolved.');
    expect(result.stdout).toContain('priya@acme-pay.example (payments PO) in Slack: resolved to U0PRIYA01');
    expect(result.stdout).toContain('priya@acme-pay.example (payments PO) in Jira: resolved to priya.nair');
    expect(result.stdout).toContain('lena@acme-pay.example (payments member) in Jira: ambiguous (lena.vogel, lena.old) — give the jira id in the team file');
    expect(result.stdout).toContain('nobody@acme-pay.example (payments acceptance delegate) in Slack: not found — check the email, or give the slack id in the team file');
  });
});

describe('the people cache', () => {
  it('answers from Redis until the entry is due for a refresh, and keeps the old answer when Slack is down', async () => {
    const config = await emailOnlyWorld('cloud');
    const { adapters } = testAdapters(redis.client(), { prefix: 'ppl', env: worldEnv, teams: config.teams.teams });
    const cache = adapters.peopleCache;
    const slackOnly = { slack: peopleDirectories(adapters.slack?.web, undefined).slack };
    const asked = () => slack.callsTo('users.lookupByEmail').length;
    const teamFile = () => {
      const parsed = parseTeamFile(readFileSync('test/fixtures/teams/email-only.yaml', 'utf8'));
      if (!parsed.ok) throw new Error('the fixture team file is valid');
      return parsed.value.teams;
    };
    const resolve = (at: number, directories = slackOnly) => resolvePeople(peopleToResolve(teamFile()), { directories, cache, now: at });

    await resolve(MONDAY.getTime());
    const first = asked();
    await resolve(MONDAY.getTime() + 60_000);
    expect(asked()).toBe(first);
    // An hour later only the miss is asked again; a day later everyone.
    await resolve(MONDAY.getTime() + 3_600_001);
    expect(asked()).toBe(first + 1);
    const down = { slack: async () => Promise.reject(new Error('Slack is down')) };
    const stale = await resolve(MONDAY.getTime() + 86_400_001, down);
    expect(stale.find((r) => r.email === 'priya@acme-pay.example')?.outcome).toEqual({ status: 'resolved', id: PRIYA });
  });
});
