import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load-config.js';
import { type SampleJiraServer, startSampleJiraServer } from '../../src/demo/sample-jira-server.js';
import { createLogger } from '../../src/logger.js';
import { runProcess } from '../../src/runtime/run-process.js';
import { manifestBotScopes } from '../../src/slack/manifest-scopes.js';
import { recordWebhookSeen } from '../../src/store/webhook-seen.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';

/** Each test runs the real CLI a few times; each start costs seconds on a busy machine. */
const CLI_TEST_TIMEOUT_MS = 120_000;

let redis: TestRedis;
let jira: SampleJiraServer;
const fakes: FakeSlackApi[] = [];
beforeAll(async () => {
  redis = await startTestRedis();
  jira = await startSampleJiraServer('samples/jira');
  await recordWebhookSeen(redis.client(), 'doc', new Date());
});
afterAll(async () => {
  for (const fake of fakes) await fake.close();
  await jira.close();
  await redis.stop();
});

async function doctor(teamFile: string, slack: FakeSlackApi, prefix = 'doc'): Promise<{ code: number; stdout: string }> {
  const env = {
    PATH: process.env.PATH ?? '',
    WHO_OWNS_CONFIG: teamFile,
    REDIS_URL: redis.url,
    REDIS_PREFIX: prefix,
    JIRA_BASE_URL: jira.url,
    JIRA_EMAIL: 'bot@example.com',
    JIRA_API_TOKEN: 'x',
    JIRA_WEBHOOK_SECRET: 'webhook-secret',
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: 'signing-secret',
    SLACK_API_URL: slack.apiUrl,
  };
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/who-owns.js', 'doctor'], { env }, (error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }));
  });
}

async function slackWith(options: Parameters<typeof startFakeSlackApi>[0]): Promise<FakeSlackApi> {
  const fake = await startFakeSlackApi(options);
  fakes.push(fake);
  return fake;
}

describe('who-owns doctor', () => {
  it('names a missing transition, a missing channel membership and a missing scope, each with its fix, and exits 1', async () => {
    const slack = await slackWith({ scopes: manifestBotScopes().filter((s) => s !== 'im:history'), joinedChannels: ['C0PAYMENTS'] });
    const { code, stdout } = await doctor('test/fixtures/teams/doctor.yaml', slack);

    expect(code).toBe(1);
    expect(stdout).toContain('✗ Slack token scopes: the token lacks im:history\n    fix: in api.slack.com/apps → your app → OAuth & Permissions');
    expect(stdout).toContain('✓ Slack channel <#C0PAYMENTS> (payments)');
    expect(stdout).toContain('✗ Slack channel <#C0GROWTH1> (growth): who-owns is not a member of #c0growth1, so its nudges and digests cannot be posted there\n    fix: type /invite @who-owns in #c0growth1');
    expect(stdout).toMatch(/✗ Jira project PAY: acceptance transitions \(payments\): PAY-\d+ does not offer "Approve"; its workflow offers "Accept", "Reject"\n {4}fix: set acceptance\.acceptTransition \/ rejectTransition of team payments in the team file/);
    expect(stdout).toMatch(/✓ Jira project GRO: acceptance transitions \(growth\): GRO-\d+ offers "Accept" and "Send back"/);
    expect(stdout).toContain('3 of');
    expect(stdout).toContain('checks failed. Fix them and run npx who-owns doctor again.');
  }, CLI_TEST_TIMEOUT_MS);

  it('passes and exits 0 once the workspace, the site and Redis are set up as the manifest and the team file say', async () => {
    const slack = await slackWith({});
    const { code, stdout } = await doctor('samples/who-owns.yaml', slack);

    expect(stdout).not.toContain('✗');
    expect(stdout).toContain('✓ Slack token scopes: the token has every scope manifest.yaml asks for');
    expect(stdout).toContain('✓ Jira project PAY: Browse permission');
    expect(stdout).toMatch(/✓ Jira field "Story points": found as "[^"]+" \(customfield_\d+\)/);
    expect(stdout).toContain('✓ Jira webhook: last signed delivery');
    expect(stdout).toContain('✓ Redis persistence (AOF): append-only file is on');
    expect(stdout).toContain('Next: npx who-owns start');
    expect(code).toBe(0);
  }, CLI_TEST_TIMEOUT_MS);

  it('sees the Jira webhook once a signed delivery reached who-owns serve', async () => {
    const slack = await slackWith({});
    const before = await doctor('samples/who-owns.yaml', slack, 'hook');
    expect(before.stdout).toContain('✗ Jira webhook: no signed delivery has arrived yet');

    const config = loadConfig({ REDIS_URL: redis.url, REDIS_PREFIX: 'hook', JIRA_WEBHOOK_SECRET: 'webhook-secret' }, 'samples/who-owns.yaml');
    const running = await runProcess(config, { serve: true, work: false, port: 0, handleSignals: false, logger: createLogger({ level: 'silent' }) });
    try {
      const body = JSON.stringify({ timestamp: Date.now(), webhookEvent: 'jira:issue_updated', issue: { id: '10559', key: 'PAY-474', fields: {} } });
      const signature = `sha256=${createHmac('sha256', 'webhook-secret').update(body).digest('hex')}`;
      const delivered = await fetch(`http://127.0.0.1:${running.port}/webhooks/jira`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature': signature }, body });
      expect(delivered.status).toBeLessThan(300);
    } finally {
      await running.stop();
    }
    const after = await doctor('samples/who-owns.yaml', slack, 'hook');
    expect(after.stdout).toMatch(/✓ Jira webhook: last signed delivery \S+ \(0 h ago\)/);
  }, CLI_TEST_TIMEOUT_MS);
});
