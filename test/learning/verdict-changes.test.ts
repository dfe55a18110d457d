import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamProfile } from '../../src/domain/team.js';
import { sendDigest } from '../../src/digest/digest-service.js';
import { runNudgeSweep } from '../../src/nudges/nudge-sweep.js';
import { aTeam } from '../support/builders.js';
import { type FakeJira, generateSite, startFakeJira, touch } from '../support/fake-jira-server.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { blockActionBody, signedHeaders } from '../support/slack-signing.js';
import { startTestProcess, type TestProcess } from '../support/test-process.js';

const SECRET = 'who-owns-test-signing-secret';
const WEBHOOK_SECRET = 'webhook-secret-for-tests';
const PRIYA = 'U0PRIYA01';
const CHANNEL = 'C0PAYMENTS';
/** Wallet epics the PO decides, one nobody decides, and one Jira changes. */
const DECIDED = 14;
const FRESH = 'PAY-900';
const RELABELLED = 'PAY-950';

function teams(): TeamProfile[] {
  const team = aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [], components: [] }, channel: CHANNEL });
  return [{ ...team, attribution: { ...team.attribution, labels: { roadmap: 'PM' } } }];
}

/** An epic as Jira holds it, one the global model cannot place (too little to go on): it needs an owner decision. */
function rawEpic(n: number, summary: string, labels: string[], created: string): Record<string, unknown> {
  return {
    id: String(200_000 + n),
    key: `PAY-${n}`,
    fields: {
      summary,
      issuetype: { id: '10000', name: 'Epic', subtask: false, hierarchyLevel: 1 },
      status: { name: 'To Do', statusCategory: { key: 'new' } },
      project: { key: 'PAY', name: 'PAY' },
      labels,
      components: [],
      created,
      updated: '2026-11-01T09:00:00.000+0000',
    },
  };
}

const keys = Array.from({ length: DECIDED }, (_, i) => `PAY-${i + 1}`);
// Monday 10:00 in the team's zone, then the Friday after: items still undecided are escalated.
const monday = new Date('2026-11-23T09:00:00Z');
const friday = new Date('2026-11-27T09:00:00Z');

describe('verdicts a refit or a sync makes clear are resolved like a decision', () => {
  let redis: TestRedis;
  let slack: FakeSlackApi;
  let jira: FakeJira;
  let process: TestProcess;
  let nextId = 0;

  async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function click(actionId: string, key: string): Promise<void> {
    const id = `act-${++nextId}`;
    const action = { type: 'button', action_id: actionId, value: key, block_id: `verdict:${key}`, text: { type: 'plain_text', text: 'x' } };
    const body = blockActionBody({ userId: PRIYA, channelId: CHANNEL, responseUrl: `${slack.origin}/response/${id}`, action });
    expect((await fetch(process.slackUrl, { method: 'POST', headers: signedHeaders(SECRET, body), body })).status).toBe(200);
    await waitFor(`the answer to ${id}`, () => slack.responses(id).length > 0);
  }

  async function webhook(key: string, at: number): Promise<void> {
    const body = JSON.stringify({ timestamp: at, webhookEvent: 'jira:issue_updated', issue: { id: String(200_000 + Number(key.split('-')[1])), key } });
    const signature = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')}`;
    const res = await fetch(`${process.base}/webhooks/jira`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-hub-signature': signature, 'x-atlassian-webhook-identifier': `delivery-${at}` } });
    expect(res.status).toBe(202);
  }

  const adapters = () => process.runtime.adapters;
  const sweep = (at: Date) => runNudgeSweep({ items: adapters().items, ledger: adapters().nudgeLedger, outbox: adapters().outbox }, teams()[0] as TeamProfile, at);
  const messages = () => slack.channelMessages(CHANNEL).map((m) => ({ ts: m.ts, blocks: JSON.stringify(m.blocks ?? []) }));
  const nudgeLines = () => messages().filter((m) => m.blocks.includes('an owner decision')).map((m) => m.blocks).join('\n');
  const digest = () => messages().find((m) => m.blocks.includes('ownership digest'))?.blocks ?? '';
  const escalated = async () => (await adapters().nudgeLedger.escalated('payments')).map((e) => e.key);

  beforeAll(async () => {
    redis = await startTestRedis();
    slack = await startFakeSlackApi();
    const site = generateSite({ count: 0, projectKey: 'PAY', siteUrl: 'https://placeholder.invalid' });
    // The undecided epic and the one Jira relabels are the oldest, so the digest lists them.
    site.issues.push(...keys.map((_, i) => rawEpic(i + 1, `Wallet top-ups for region ${i + 1}`, ['wallet'], '2026-03-01T09:00:00.000+0000')));
    site.issues.push(rawEpic(900, 'Wallet top-ups for region 900', ['wallet'], '2026-01-01T09:00:00.000+0000'), rawEpic(950, 'Ledger export for region 950', [], '2026-01-02T09:00:00.000+0000'));
    jira = await startFakeJira(site);
    const env = { REDIS_PREFIX: 'wo', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, JIRA_BASE_URL: jira.url, JIRA_DEPLOYMENT: 'cloud', JIRA_OAUTH_TOKEN: 'pat', JIRA_MAX_RPS: '1000', JIRA_WEBHOOK_SECRET: WEBHOOK_SECRET };
    process = await startTestProcess(redis.url, { env, teams: teams(), serve: true, work: true, queues: ['learning', 'notify', 'sync'] });
    await waitFor('the start-up sync', async () => (await adapters().items.attentionKeys('payments')).length === DECIDED + 2);
    expect((await adapters().items.getVerdict(FRESH))?.role).toBe('unclear');
    expect((await adapters().items.getVerdict(RELABELLED))?.role).toBe('unclear');

    await sweep(monday);
    await sendDigest({ teams: teams(), items: adapters().items, decisions: adapters().decisions, outbox: adapters().outbox, ledger: adapters().digestLedger, clock: process.runtime.clock }, 'payments');
    await waitFor('the nudge, its thread and the digest', () => slack.callsTo('chat.postMessage').length >= 3 && digest() !== '');
    await sweep(friday);
    await waitFor('the escalation', () => slack.callsTo('chat.postMessage').some((c) => String(c.body.text).includes('still no owner')));
    expect(await escalated()).toContain(FRESH);
    expect(await escalated()).toContain(RELABELLED);
    expect(nudgeLines()).toContain(`nudge:${FRESH}`);
    expect(nudgeLines()).toContain(`nudge:${RELABELLED}`);
    expect(digest()).toContain(`digest_${FRESH}`);
    expect(digest()).toContain(`digest_${RELABELLED}`);
  });
  afterAll(async () => {
    await process?.stop();
    await jira?.close();
    await slack?.close();
    await redis?.stop();
  });

  it('a webhook refresh that gives an item a team-file label edits its nudge line and the digest in place, saying why no decision is needed', async () => {
    const posts = slack.callsTo('chat.postMessage').length;
    const issue = jira.site.issues.find((i) => i.key === RELABELLED) as { fields: { labels: string[] } };
    issue.fields.labels = ['roadmap'];
    touch(jira.site, RELABELLED, new Date('2026-11-27T10:00:00Z'));

    await webhook(RELABELLED, 1_764_237_600_000);

    const line = `✅ ${RELABELLED} — PM, no decision needed: label \\"roadmap\\": mapped in the team file to PM`;
    await waitFor('the nudge line to be edited', () => nudgeLines().includes(line));
    await waitFor('the digest to tick the item', () => digest().includes(`~${RELABELLED}~`));
    expect(nudgeLines()).not.toContain(`nudge:${RELABELLED}`);
    expect(digest()).toContain('mapped in the team file to PM');
    expect(digest()).not.toContain(`digest_${RELABELLED}`);
    expect(await escalated()).not.toContain(RELABELLED);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(posts);
  });

  it('a refit that learns what an undecided item is edits its nudge line and the digest in place, and it leaves the escalations', async () => {
    const posts = slack.callsTo('chat.postMessage').length;

    for (const key of keys) await click('who_owns_mark_pm', key);

    // Clicks are refitted in batches: the line names the decisions of the refit that settled it.
    const line = new RegExp(`✅ ${FRESH} — PM, no decision needed: learned from \\d+ decisions on this site`);
    // Slack takes about one message a second per channel: the clicks' own edits go first.
    await waitFor('the nudge line of the undecided epic to be edited', () => line.test(nudgeLines()), 60_000);
    await waitFor('the digest to tick the undecided epic', () => digest().includes(`~${FRESH}~`));
    expect(nudgeLines()).not.toContain(`nudge:${FRESH}`);
    expect(digest()).toMatch(/no decision needed: learned from \d+ decisions on this site/);
    expect(digest()).not.toContain(`digest_${FRESH}`);
    expect(await escalated()).not.toContain(FRESH);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(posts);
  });
});
