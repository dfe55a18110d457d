import { attributeItem } from '../../src/domain/attribution/attribute-item.js';
import type { TeamProfile } from '../../src/domain/team.js';
import { type WorkItem, workItem } from '../../src/domain/work-item.js';
import { firstKeys } from '../../src/jira/first-keys.js';
import type { DecisionStore, ItemStore } from '../../src/ports.js';
import type { Runtime } from '../../src/runtime/build-runtime.js';
import { aTeam } from '../support/builders.js';
import { type FakeJira, generateSite, startFakeJira } from '../support/fake-jira-server.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { blockActionBody, signedHeaders, slashCommandBody } from '../support/slack-signing.js';
import { startTestProcess, type TestProcess } from '../support/test-process.js';

export const SECRET = 'who-owns-test-signing-secret';
export const SITE = 'https://acme.atlassian.net';
export const PRIYA = 'U0PRIYA01';
export const MARCO = 'U0MARCO02';
export const MEMBER = 'U0MEMBER3';
export const DANA = 'U0DANA004';
export const STRANGER = 'U0STRANGE';

export function testTeams(): TeamProfile[] {
  return [
    aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [12], components: [] }, channel: 'C0PAYMENTS', members: [{ slack: MEMBER, name: 'Mia Member' }], writeBack: true }),
    aTeam({ id: 'growth', name: 'Growth', jira: { projects: ['GRO'], boards: [21], components: [] }, channel: 'C0GROWTH', po: { slack: DANA, name: 'Dana Kim' }, pm: { slack: DANA, name: 'Dana Kim' }, writeBack: false }),
  ];
}

const sprint = [{ id: 7, name: 'Sprint 42', state: 'active' as const }];

export function testItems(): WorkItem[] {
  return [
    workItem({ key: 'PAY-231', summary: 'As a merchant I can export <payouts> & refunds', issueType: 'Story', hierarchyLevel: 0, sprints: sprint, storyPoints: 3, url: `${SITE}/browse/PAY-231` }),
    workItem({ key: 'PAY-232', summary: 'Pricing strategy for the pricing page', issueType: 'Initiative', hierarchyLevel: 2, targetEnd: '2026-01-31', url: `${SITE}/browse/PAY-232` }),
    workItem({ key: 'PAY-233', summary: 'Fraud rules for card payments', issueType: 'Story', hierarchyLevel: 0, sprints: sprint, securityLevel: 'Finance only', url: `${SITE}/browse/PAY-233` }),
    workItem({ key: 'PAY-234', summary: 'Something vague about payments', issueType: 'Epic', hierarchyLevel: 1, url: `${SITE}/browse/PAY-234` }),
    workItem({ key: 'GRO-7', summary: 'Referral landing page copy', issueType: 'Story', hierarchyLevel: 0, sprints: [{ id: 9, name: 'G 3', state: 'active' }], url: `${SITE}/browse/GRO-7` }),
    workItem({ key: 'SEC-1', summary: 'Internal audit of the pricing page', issueType: 'Story', hierarchyLevel: 0, url: `${SITE}/browse/SEC-1` }),
  ];
}

/**
 * A `who-owns serve` process, wired as in production, against a fake Slack Web API, a fake
 * Jira site and a real Redis, with the test teams' items stored and attributed.
 */
export interface SlackTestApp {
  redis: TestRedis;
  fake: FakeSlackApi;
  jira: FakeJira;
  process: TestProcess;
  runtime: Runtime;
  store: ItemStore;
  decisions: DecisionStore;
  url: string;
  /** Where item links point (the process's JIRA_BASE_URL). */
  siteUrl: string;
  /** Decisions the process announced, in order. */
  decided: { key: string; role: string }[];
  teams: TeamProfile[];
  /** The live-Jira search the app uses (jira.js against the fake Jira). */
  searchJira(jql: string): Promise<string[]>;
  /** Posts a raw body with headers to /slack/events. */
  post(body: string, headers: Record<string, string>): Promise<Response>;
  /** Sends a signed `/who-owns` and waits for the answer posted to its response_url. */
  command(text: string, user?: string, channel?: string): Promise<Record<string, unknown>>;
  /** Sends a signed button click and waits for the response_url post. */
  click(action: Record<string, unknown>, user: string, channel?: string): Promise<{ status: number; answer: Record<string, unknown> }>;
  waitForResponse(id: string, count?: number): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

let nextId = 0;

export async function startSlackTestApp(options: { now?: () => Date } = {}, items: WorkItem[] = testItems()): Promise<SlackTestApp> {
  const teams = testTeams();
  const redis = await startTestRedis();
  const fake = await startFakeSlackApi();
  const site = generateSite({ count: 240, projectKey: 'PAY', siteUrl: SITE });
  const jira = await startFakeJira(site);
  const env = { REDIS_PREFIX: 'wo', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, JIRA_BASE_URL: jira.url, JIRA_DEPLOYMENT: 'cloud', JIRA_OAUTH_TOKEN: 'pat', JIRA_MAX_RPS: '1000' };
  const proc = await startTestProcess(redis.url, { env, teams, ...(options.now ? { clock: { now: options.now } } : {}) });
  const { adapters, events } = proc.runtime;
  const store = adapters.items;
  const decisions = adapters.decisions;
  await store.putItems(items);
  await store.putVerdicts(items.map((item) => attributeItem(item, { teams })));
  const decided: { key: string; role: string }[] = [];
  events.on('decisionRecorded', async ({ key, decision }) => {
    decided.push({ key, role: decision.role });
  });
  const clients = adapters.jira?.clients;
  if (!clients) throw new Error('the test process has no Jira site');
  const searchJira = (jql: string) => firstKeys(clients, jql);
  const url = proc.slackUrl;

  async function waitForResponse(id: string, count = 1): Promise<Record<string, unknown>[]> {
    const deadline = Date.now() + 5_000;
    while (fake.responses(id).length < count) {
      if (Date.now() > deadline) throw new Error(`no response_url post for ${id}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    return fake.responses(id);
  }
  const post = (body: string, headers: Record<string, string>) => fetch(url, { method: 'POST', headers, body });
  return {
    redis, fake, jira, process: proc, runtime: proc.runtime, store, decisions, url, siteUrl: jira.url, decided, teams, searchJira, post, waitForResponse,
    async command(text, user = PRIYA, channel = 'C0PAYMENTS') {
      const id = `cmd-${++nextId}`;
      const body = slashCommandBody({ text, user_id: user, channel_id: channel, response_url: `${fake.origin}/response/${id}` });
      const res = await post(body, signedHeaders(SECRET, body));
      if (res.status !== 200) throw new Error(`command answered ${res.status}`);
      return (await waitForResponse(id))[0] as Record<string, unknown>;
    },
    async click(action, user, channel = 'C0PAYMENTS') {
      const id = `act-${++nextId}`;
      const body = blockActionBody({ userId: user, channelId: channel, responseUrl: `${fake.origin}/response/${id}`, action });
      const res = await post(body, signedHeaders(SECRET, body));
      const answer = res.status === 200 ? ((await waitForResponse(id))[0] as Record<string, unknown>) : {};
      return { status: res.status, answer };
    },
    async close() {
      await proc.stop();
      await fake.close();
      await jira.close();
      await redis.stop();
    },
  };
}

/** Every mrkdwn/plain text in a message, joined, for content checks. */
export function textOf(message: Record<string, unknown>): string {
  const out: string[] = [String(message.text ?? '')];
  JSON.stringify(message.blocks ?? [], (key, value) => {
    if (key === 'text' && typeof value === 'string') out.push(value);
    return value;
  });
  return out.join('\n');
}
