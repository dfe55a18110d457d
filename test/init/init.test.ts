import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleSite, type SampleJiraServer, startJiraSiteServer } from '../../src/demo/sample-jira-server.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';

/** Each test runs the real CLI a few times; each start costs seconds on a busy machine. */
const CLI_TEST_TIMEOUT_MS = 120_000;

let redis: TestRedis;
let jira: SampleJiraServer;
let slack: FakeSlackApi;
let env: Record<string, string>;
beforeAll(async () => {
  redis = await startTestRedis();
  const site = loadSampleSite('samples/jira');
  site.users = [{ accountId: '712020:marco-rossi', accountType: 'atlassian', emailAddress: 'marco@acme-pay.example', displayName: 'Marco Rossi', active: true }];
  jira = await startJiraSiteServer(site);
  slack = await startFakeSlackApi({
    channelNames: { C0PAYMENTS: 'payments', C0GROWTH1: 'growth', C0RANDOM: 'random' },
    joinedChannels: ['C0PAYMENTS'],
    users: { U0PRIYA01: { email: 'priya@acme-pay.example' }, U0MARCO02: { email: 'marco@acme-pay.example' }, U0DANA004: { email: 'dana@acme-pay.example' } },
  });
  env = { PATH: process.env.PATH ?? '', REDIS_URL: redis.url, JIRA_BASE_URL: jira.url, JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 'x', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: slack.apiUrl };
});
afterAll(async () => {
  await slack.close();
  await jira.close();
  await redis.stop();
});

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/who-owns.js', ...args], { env }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });
}

describe('who-owns init --yes', () => {
  it('writes a commented team file from the Jira site and the Slack workspace that config check accepts', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'who-owns-init-')), 'who-owns.yaml');

    const init = await cli(['init', '--yes', '--out', out, '--projects', 'PAY,GRO', '--pm', 'PAY=marco@acme-pay.example', '--timezone', 'Europe/Berlin']);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(`Wrote ${out}: 2 team(s) (PAY, GRO).`);
    expect(init.stdout).toContain(`Next: npx who-owns config check ${out}, then npx who-owns doctor`);

    const text = readFileSync(out, 'utf8');
    // One team per project, channel matched by name, the project lead as PO, the workflow's own transitions.
    expect(text).toContain('  - id: pay\n    name: "Payments"\n    jira: { projects: ["PAY"], boards: [12] }');
    expect(text).toMatch(/po: \{ email: "priya@acme-pay\.example", slack: "U0PRIYA01", jira: "712020:priya-nair", name: "Priya Nair" \}/);
    expect(text).toContain('pm: { email: "marco@acme-pay.example", slack: "U0MARCO02" }');
    expect(text).toContain('    # #payments: nudges and the weekly digest go here.\n    channel: C0PAYMENTS');
    expect(text).toContain('    # #growth: who-owns is not a member yet; type /invite @who-owns there.\n    channel: C0GROWTH1');
    expect(text).toMatch(/# Read from PAY-\d+, which waits in "Ready for acceptance"\.\n {6}statuses: \["Ready for acceptance"\]\n {6}acceptTransition: "Accept"\n {6}rejectTransition: "Reject"/);
    expect(text).toMatch(/statuses: \["In Review"\]\n {6}acceptTransition: "Accept"\n {6}rejectTransition: "Send back"/);
    expect(text).toContain('#   Story points: "Story point estimate" (customfield_10016)');

    const check = await cli(['config', 'check', out]);
    expect(check.stderr).toBe('');
    expect(check.stdout).toContain('2 team(s), configuration is valid.');
    expect(check.code).toBe(0);
  }, CLI_TEST_TIMEOUT_MS);

  it('refuses to overwrite a team file, and an unknown project, changing nothing', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'who-owns-init-')), 'who-owns.yaml');
    expect((await cli(['init', '--yes', '--out', out, '--projects', 'PAY'])).code).toBe(0);
    const before = readFileSync(out, 'utf8');

    const again = await cli(['init', '--yes', '--out', out]);
    const unknown = await cli(['init', '--yes', '--force', '--out', out, '--projects', 'NOPE']);

    expect(again.code).toBe(1);
    expect(again.stderr).toContain('exists; pass --force to overwrite it');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no Jira project NOPE on the site \(it has PAY, GRO/);
    expect(readFileSync(out, 'utf8')).toBe(before);
  }, CLI_TEST_TIMEOUT_MS);
});
