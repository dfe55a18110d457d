import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attributeItem } from '../../src/domain/attribution/attribute-item.js';
import type { TeamProfile } from '../../src/domain/team.js';
import { type WorkItem, workItem } from '../../src/domain/work-item.js';
import { summariseRules } from '../../src/cli/config-check.js';
import { sendDigest } from '../../src/digest/digest-service.js';
import { aTeam } from '../support/builders.js';
import { type FakeJira, generateSite, startFakeJira } from '../support/fake-jira-server.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { blockActionBody, signedHeaders, slashCommandBody } from '../support/slack-signing.js';
import { startTestProcess, type TestProcess } from '../support/test-process.js';

const SECRET = 'who-owns-test-signing-secret';
const PRIYA = 'U0PRIYA01';
const STRANGER = 'U0STRANGE';
/** Decided items with the site's `gtm` label, and one nobody decided. */
const DECIDED = 14;
const FRESH = 'PAY-900';

function teams(): TeamProfile[] {
  return [aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [], components: [] }, channel: 'C0PAYMENTS' })];
}

function gtmItem(n: number, site: string): WorkItem {
  return workItem({ key: `PAY-${n}`, summary: `Update the onboarding checklist step ${n}`, issueType: 'Task', labels: ['gtm'], description: 'Change the wording of the checklist on the onboarding screen.', url: `${site}/browse/PAY-${n}` });
}

interface Site {
  process: TestProcess;
  jira: FakeJira;
  prefix: string;
  command(text: string): Promise<string>;
  click(actionId: string, key: string, user: string): Promise<string>;
}

const keys = Array.from({ length: DECIDED }, (_, i) => `PAY-${i + 1}`);

describe('learning: a site learns its conventions from its own decisions', () => {
  let redis: TestRedis;
  let slack: FakeSlackApi;
  let one: Site;
  let other: Site;
  let nextId = 0;

  async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function startSite(prefix: string): Promise<Site> {
    const jira = await startFakeJira(generateSite({ count: 5, projectKey: 'PAY', siteUrl: 'https://placeholder.invalid' }));
    const env = { REDIS_PREFIX: prefix, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, JIRA_BASE_URL: jira.url, JIRA_DEPLOYMENT: 'cloud', JIRA_OAUTH_TOKEN: 'pat', JIRA_MAX_RPS: '1000' };
    const process = await startTestProcess(redis.url, { env, teams: teams(), serve: true, work: true, queues: ['learning', 'notify'] });
    const items = [...keys.map((_, i) => gtmItem(i + 1, jira.url)), gtmItem(900, jira.url)];
    await process.runtime.adapters.items.putItems(items);
    await process.runtime.adapters.items.putVerdicts(items.map((item) => attributeItem(item, { teams: teams() })));
    const post = async (body: string) => {
      const res = await fetch(process.slackUrl, { method: 'POST', headers: signedHeaders(SECRET, body), body });
      expect(res.status).toBe(200);
    };
    const answer = async (id: string) => {
      const deadline = Date.now() + 5_000;
      while (slack.responses(id).length === 0) {
        if (Date.now() > deadline) throw new Error(`no response_url post for ${id}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      return JSON.stringify(slack.responses(id)[0]);
    };
    return {
      process,
      jira,
      prefix,
      async command(text) {
        const id = `cmd-${++nextId}`;
        await post(slashCommandBody({ text, user_id: PRIYA, channel_id: 'C0PAYMENTS', response_url: `${slack.origin}/response/${id}` }));
        return answer(id);
      },
      async click(actionId, key, user) {
        const id = `act-${++nextId}`;
        const action = { type: 'button', action_id: actionId, value: key, block_id: `verdict:${key}`, text: { type: 'plain_text', text: 'x' } };
        await post(blockActionBody({ userId: user, channelId: 'C0PAYMENTS', responseUrl: `${slack.origin}/response/${id}`, action }));
        return answer(id);
      },
    };
  }

  const role = async (site: Site, key: string) => (await site.process.runtime.adapters.items.getVerdict(key))?.role;
  const learned = (site: Site) => redis.client().get(`${site.prefix}:learning:${site.jira.url.toLowerCase()}:T0ACME`);

  beforeAll(async () => {
    redis = await startTestRedis();
    slack = await startFakeSlackApi();
    one = await startSite('wo');
    other = await startSite('wo2');
  });
  afterAll(async () => {
    await one?.process.stop();
    await other?.process.stop();
    await one?.jira.close();
    await other?.jira.close();
    await slack?.close();
    await redis?.stop();
  });

  it('a non-member clicking teaches nothing', async () => {
    const before = await role(one, FRESH);
    expect(before).not.toBe('PM');
    for (const key of keys.slice(0, 6)) await one.click('who_owns_mark_pm', key, STRANGER);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await learned(one)).toBeNull();
    expect(await role(one, FRESH)).toBe(before);
  });

  it("the PO's decisions move a similar undecided item of the same site, and not of another site", async () => {
    const otherBefore = await other.process.runtime.adapters.items.getVerdict(FRESH);
    for (const key of keys) await one.click('who_owns_mark_pm', key, PRIYA);
    const learnedFromAll = new RegExp(`learned from ${DECIDED} decisions on this site`);
    await waitFor('the undecided gtm item to become PM work, learned from every decision', async () => {
      const verdict = await one.process.runtime.adapters.items.getVerdict(FRESH);
      return verdict?.role === 'PM' && verdict.reasons.some((r) => learnedFromAll.test(r.text));
    });
    expect(await one.command(FRESH)).toMatch(learnedFromAll);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await other.process.runtime.adapters.items.getVerdict(FRESH)).toEqual(otherBefore);
    expect(await learned(other)).toBeNull();
  });

  it('decisions changed to Not applicable are unlearned at the next refit', async () => {
    for (const key of keys) await one.click('who_owns_not_applicable', key, PRIYA);
    // A refit can run between clicks, learning from the decisions still in force: wait for the one after the last click.
    await waitFor('every decision to be unlearned', async () => (await learned(one)) === null);
    await waitFor('the undecided gtm item to lose what was learned', async () => (await role(one, FRESH)) !== 'PM');
    expect((await one.process.runtime.adapters.items.getVerdict(FRESH))?.reasons.some((r) => r.signal === 'learned')).toBe(false);
  });

  it('a rule the decisions follow is offered in one digest only; adopted, it applies and config check lists it, declined, it is never offered again', async () => {
    for (const key of keys.slice(0, 6)) await one.click('who_owns_mark_pm', key, PRIYA);
    const { adapters } = one.process.runtime;
    await waitFor('the suggestions of the refit', async () => (await adapters.learned.unoffered('payments')).length === 2);
    const digestOf = (at: string) => {
      const clock = { now: () => new Date(at) };
      return sendDigest({ teams: teams(), items: adapters.items, decisions: adapters.decisions, outbox: adapters.outbox, ledger: adapters.digestLedger, clock, learned: adapters.learned }, 'payments');
    };
    const posted = () => slack.channelMessages('C0PAYMENTS').map((m) => JSON.stringify(m.blocks ?? []));
    await digestOf('2026-01-05T09:00:00Z');
    await waitFor('the first digest', async () => posted().length === 1);
    expect(posted()[0]).toContain('Make label `gtm` → PM a rule?');
    expect(posted()[0]).toContain('Make issue type `Task` → PM a rule?');

    expect(await one.click('who_owns_decline_rule', 'payments:issue-type:task', PRIYA)).toContain('will not be offered again');
    expect(await one.click('who_owns_adopt_rule', 'payments:label:gtm', STRANGER)).toContain('Nothing was changed');
    expect(await one.click('who_owns_adopt_rule', 'payments:label:gtm', PRIYA)).toContain('is now a rule for Payments');
    await waitFor('the adopted rule to apply', async () => Boolean((await adapters.items.getVerdict(FRESH))?.reasons.some((r) => r.text.includes('a rule the team adopted'))));
    expect(await role(one, FRESH)).toBe('PM');
    expect(summariseRules(one.process.config, await adapters.learned.adopted())).toContain('payments: none | label `gtm` → PM (6 decisions)');

    await one.click('who_owns_mark_pm', keys[6] as string, PRIYA);
    await new Promise((r) => setTimeout(r, 1_500));
    await digestOf('2026-01-12T09:00:00Z');
    await waitFor('the second digest', async () => posted().length === 2);
    expect(posted()[1]).not.toContain('a rule?');
  });

  it('the adopted rule and the declined suggestion survive the loss of the learned state: the next refit restores the one and does not offer the other', async () => {
    const { adapters } = one.process.runtime;
    const client = redis.client();
    const learnedKeys = await client.keys(`${one.prefix}:learning:*`);
    expect(learnedKeys.length).toBeGreaterThan(0);
    await client.del(...learnedKeys);
    expect(await adapters.learned.adjustment()).toBeNull();

    await one.click('who_owns_mark_pm', keys[7] as string, PRIYA);
    const learning = one.process.runtime.queue('learning');
    await waitFor('the refit to rebuild the learned state', async () => {
      const counts = await learning.getJobCounts('active', 'waiting', 'delayed');
      return (await adapters.learned.adjustment()) !== null && Object.values(counts).every((n) => n === 0);
    });

    expect(summariseRules(one.process.config, await adapters.learned.adopted())).toContain('payments: none | label `gtm` → PM (6 decisions)');
    expect((await adapters.learned.adjustment())?.rules.get('payments')?.has('label:gtm')).toBe(true);
    expect((await adapters.items.getVerdict(FRESH))?.reasons.some((r) => r.text.includes('a rule the team adopted'))).toBe(true);
    expect(await adapters.learned.unoffered('payments')).toEqual([]);
    const clock = { now: () => new Date('2026-01-19T09:00:00Z') };
    await sendDigest({ teams: teams(), items: adapters.items, decisions: adapters.decisions, outbox: adapters.outbox, ledger: adapters.digestLedger, clock, learned: adapters.learned }, 'payments');
    await waitFor('the third digest', async () => slack.channelMessages('C0PAYMENTS').length === 3);
    expect(JSON.stringify(slack.channelMessages('C0PAYMENTS')[2]?.blocks ?? [])).not.toContain('a rule?');
  });
});
