import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attributeItem } from '../../src/domain/attribution/attribute-item.js';
import { type WorkItem, workItem } from '../../src/domain/work-item.js';
import { aTeam } from '../support/builders.js';
import { type FakeJira, generateSite, startFakeJira, touch } from '../support/fake-jira-server.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { blockActionBody, signedHeaders } from '../support/slack-signing.js';
import { testAdapters } from '../support/test-adapters.js';
import { startTestProcess, type TestProcess } from '../support/test-process.js';

const SECRET = 'who-owns-test-signing-secret';
const WEBHOOK_SECRET = 'webhook-secret-for-tests';
const PRIYA = 'U0PRIYA01';
const DECIDED = 14;
const SUMMARY = 'Update the onboarding checklist step';
const DESCRIPTION = 'Change the wording of the checklist on the onboarding screen.';

const payments = aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [], components: [] }, channel: 'C0PAYMENTS' });
const operations = aTeam({ id: 'ops', name: 'Operations', jira: { projects: ['OPS'], boards: [], components: [] }, channel: 'C0OPS' });

function gtmItem(n: number, site: string): WorkItem {
  return workItem({ key: `PAY-${n}`, summary: `${SUMMARY} ${n}`, issueType: 'Task', labels: ['gtm'], description: DESCRIPTION, url: `${site}/browse/PAY-${n}` });
}

/** The same kind of item in the other workspace's project, as Jira holds it. */
function rawGtmTask(key: string): Record<string, unknown> {
  return {
    id: '300900',
    key,
    fields: {
      summary: `${SUMMARY} 900`,
      description: DESCRIPTION,
      issuetype: { id: '10002', name: 'Task', subtask: false, hierarchyLevel: 0 },
      status: { name: 'To Do', statusCategory: { key: 'new' } },
      project: { key: 'OPS', name: 'OPS' },
      labels: ['gtm'],
      components: [],
      created: '2026-10-01T09:00:00.000+0000',
      updated: '2026-11-01T09:00:00.000+0000',
    },
  };
}

const keys = Array.from({ length: DECIDED }, (_, i) => `PAY-${i + 1}`);

describe('learning: two Slack workspaces on one Jira site, one Redis and one prefix', () => {
  let redis: TestRedis;
  let acme: FakeSlackApi;
  let other: FakeSlackApi;
  let jira: FakeJira;
  let one: TestProcess;
  let two: TestProcess;

  async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  beforeAll(async () => {
    redis = await startTestRedis();
    acme = await startFakeSlackApi();
    other = await startFakeSlackApi();
    other.on('auth.test', () => ({ ok: true, url: 'https://other.slack.com/', team: 'Other', user: 'who-owns', team_id: 'T0OTHER', user_id: 'U0WHOOWNS', bot_id: 'B0WHOOWNS' }));
    const site = generateSite({ count: 0, projectKey: 'OPS' });
    site.issues.push(rawGtmTask('OPS-900'));
    jira = await startFakeJira(site);
    const env = { REDIS_PREFIX: 'wo', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, JIRA_BASE_URL: jira.url, JIRA_DEPLOYMENT: 'cloud', JIRA_OAUTH_TOKEN: 'pat', JIRA_MAX_RPS: '1000', JIRA_WEBHOOK_SECRET: WEBHOOK_SECRET };
    one = await startTestProcess(redis.url, { env: { ...env, SLACK_API_URL: acme.apiUrl }, teams: [payments], serve: true, work: true, queues: ['learning'] });
    two = await startTestProcess(redis.url, { env: { ...env, SLACK_API_URL: other.apiUrl }, teams: [operations], serve: true, work: true, queues: ['sync'] });
    const items = [...keys.map((_, i) => gtmItem(i + 1, jira.url)), gtmItem(900, jira.url)];
    await one.runtime.adapters.items.putItems(items);
    await one.runtime.adapters.items.putVerdicts(items.map((item) => attributeItem(item, { teams: [payments] })));
    await waitFor('the other workspace to sync its item', async () => (await two.runtime.adapters.items.getVerdict('OPS-900')) !== null);
  });
  afterAll(async () => {
    await one?.stop();
    await two?.stop();
    await jira?.close();
    await acme?.close();
    await other?.close();
    await redis?.stop();
  });

  it("decisions in one workspace change that workspace's verdicts and not the same kind of item of the other workspace", async () => {
    const before = await two.runtime.adapters.items.getVerdict('OPS-900');
    expect(before?.role).toBe('PO');
    for (const key of keys) {
      const id = `act-${key}`;
      const action = { type: 'button', action_id: 'who_owns_mark_pm', value: key, block_id: `verdict:${key}`, text: { type: 'plain_text', text: 'x' } };
      const body = blockActionBody({ userId: PRIYA, channelId: 'C0PAYMENTS', responseUrl: `${acme.origin}/response/${id}`, action });
      expect((await fetch(one.slackUrl, { method: 'POST', headers: signedHeaders(SECRET, body), body })).status).toBe(200);
    }
    await waitFor('the undecided gtm item of the first workspace to become PM work, learned', async () => {
      const verdict = await one.runtime.adapters.items.getVerdict('PAY-900');
      return verdict?.role === 'PM' && verdict.reasons.some((r) => r.signal === 'learned');
    });

    // Jira changes the other workspace's item: its refresh scores it with what that workspace learned.
    touch(jira.site, 'OPS-900', new Date('2026-11-27T10:00:00Z'), `${SUMMARY} 900, reworded`);
    const body = JSON.stringify({ timestamp: 1_764_237_600_000, webhookEvent: 'jira:issue_updated', issue: { id: '300900', key: 'OPS-900' } });
    const headers = { 'content-type': 'application/json', 'x-hub-signature': `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')}`, 'x-atlassian-webhook-identifier': 'delivery-ops-900' };
    expect((await fetch(`${two.base}/webhooks/jira`, { method: 'POST', body, headers })).status).toBe(202);
    await waitFor('the refresh of the changed item', async () => (await two.runtime.adapters.items.getItem('OPS-900'))?.summary.endsWith('reworded') === true);

    const after = await two.runtime.adapters.items.getVerdict('OPS-900');
    expect(after?.role).toBe('PO');
    expect(after?.reasons.some((r) => r.signal === 'learned')).toBe(false);
    expect(await one.runtime.adapters.learned.adjustment()).not.toBeNull();
    expect(await two.runtime.adapters.learned.adjustment()).toBeNull();
    // A command that knows no workspace (`sync --once` without a Slack token) uses where the site last learned.
    const command = testAdapters(redis.client(), { prefix: 'wo', teams: [payments], env: { JIRA_BASE_URL: jira.url, JIRA_DEPLOYMENT: 'cloud', JIRA_OAUTH_TOKEN: 'pat' } });
    expect(await command.adapters.learned.adjustment()).toEqual(await one.runtime.adapters.learned.adjustment());
    await command.close();
  });
});
