import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Redis } from 'ioredis';
import type { Config } from '../../config/schema.js';
import { type ReminderDeps, type ReminderResult, sendAcceptanceReminders } from '../../src/acceptance/reminder-service.js';
import { slackPresence } from '../../src/acceptance/slack-presence.js';
import { loadSampleSite, type SampleJiraServer, type SampleSite, startJiraSiteServer } from '../../src/demo/sample-jira-server.js';
import type { TeamProfile } from '../../src/domain/team.js';
import { type AcceptanceState, type ItemStore, type JiraWriter, systemClock } from '../../src/ports.js';
import type { Adapters } from '../../src/runtime/adapters.js';
import { runSyncOnce } from '../../src/sync/sync-service.js';
import type { SyncDeps } from '../../src/sync/sync-team.js';
import { syncDepsFrom } from '../../src/sync/wire.js';
import { type OutboxHarness, outboxHarness, waitFor } from '../delivery/outbox-harness.js';
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.js';
import { startTestRedis, type TestRedis } from './redis-server.js';
import { type TestAdapters, testAdapters } from './test-adapters.js';

/** Monday 23 November 2026, 10:30 in Berlin: the Payments PO's reminder is due. */
export const MONDAY = new Date('2026-11-23T09:30:00Z');
export const PRIYA = 'U0PRIYA01';
/** Priya's DM channel, as the fake Slack opens it for her user id. */
export const PRIYA_DM = 'D0PRIYA01';
export const MARCO = 'U0MARCO02';
export const LENA = 'U0LENA003';
export const STRANGER = 'U0STRANGE';
const PREFIX = 'acc';

/** A request the Jira site received: method and path, in arrival order. */
export interface JiraCall {
  method: string;
  path: string;
}

/** Answers a Jira request instead of the site (a workflow validator refusing, say); undefined lets it through. */
export type JiraRefusal = (call: JiraCall) => { status: number; body: unknown } | undefined;

/** Environment of the acceptance world's processes: the sample site, the fake Slack, prefix `acc`. */
export function acceptanceEnv(jiraUrl: string, slackApiUrl: string): Record<string, string> {
  return { JIRA_BASE_URL: jiraUrl, JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 'x', JIRA_MAX_RPS: '1000', REDIS_PREFIX: PREFIX, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'who-owns-test-signing-secret', SLACK_API_URL: slackApiUrl };
}

/**
 * The sample backlog synced from the sample Jira site into a real Redis, the outbox delivering
 * to a fake Slack, and the acceptance state, all built by the production adapter factory:
 * what acceptance tests share. The site is the
 * served object itself, so a test can move an item in Jira directly and read comments back.
 */
export interface AcceptanceWorld {
  redis: TestRedis;
  client: Redis;
  slack: FakeSlackApi;
  jira: SampleJiraServer;
  site: SampleSite;
  jiraCalls: JiraCall[];
  refuse?: JiraRefusal;
  config: Config;
  teams: TeamProfile[];
  adapters: Adapters;
  store: ItemStore;
  state: AcceptanceState;
  outbox: OutboxHarness;
  reminderDeps: ReminderDeps;
  writer: JiraWriter;
  team(id: string): TeamProfile;
  /** POSTs to an item's transitions or comments, as Jira saw them. */
  writesTo(key: string, what: 'transitions' | 'comment'): JiraCall[];
  /** Comment bodies Jira stored for an item, as plain text. */
  comments(key: string): string[];
  /** Moves an item in Jira directly (no who-owns involved), e.g. to "Done". */
  moveInJira(key: string, status: string, at?: Date): void;
  status(key: string): string;
  /** What the sync worker runs with, from the world's adapters. */
  syncDeps(): SyncDeps;
  sync(): Promise<void>;
  /** Runs the acceptance pass and, when a reminder went out, waits until it is in the PO's DM. */
  remind(team: string, now: Date): Promise<ReminderResult>;
  /** The PO's DMs as they are now (after edits). */
  dms(channel?: string): ReturnType<FakeSlackApi['channelMessages']>;
  waitForCalls(method: string, count: number): Promise<void>;
  /** Fresh Redis, Jira site and outbox for the next test. */
  reset(options?: { teams?: (teams: TeamProfile[]) => TeamProfile[] }): Promise<void>;
  close(): Promise<void>;
}

function adfText(body: unknown): string {
  const out: string[] = [];
  JSON.stringify(body, (key, value) => {
    if (key === 'text' && typeof value === 'string') out.push(value);
    return value;
  });
  return typeof body === 'string' ? body : out.join('');
}

export async function startAcceptanceWorld(): Promise<AcceptanceWorld> {
  const redis = await startTestRedis();
  const slack = await startFakeSlackApi({ users: { [PRIYA]: { tz: 'Europe/Berlin', name: 'priya' } } });
  const world = { redis, slack, jiraCalls: [] as JiraCall[] } as AcceptanceWorld;
  let built: TestAdapters | undefined;
  const statusOf = (status: string): Record<string, unknown> => {
    for (const entry of Object.values(world.site.transitions) as { transitions?: { to: { name: string } }[] }[]) {
      const found = entry.transitions?.find((t) => t.to.name === status);
      if (found) return found.to as Record<string, unknown>;
    }
    throw new Error(`no status "${status}" in the sample workflow`);
  };
  const fields = (key: string) => {
    const issue = world.site.issues.find((i) => i.key === key);
    if (!issue) throw new Error(`no ${key} in the sample site`);
    return issue.fields as Record<string, unknown>;
  };
  const intercept = (req: IncomingMessage, res: ServerResponse): boolean => {
    const call = { method: req.method ?? 'GET', path: new URL(req.url ?? '/', 'http://localhost').pathname };
    world.jiraCalls.push(call);
    const refusal = world.refuse?.(call);
    if (!refusal) return false;
    res.writeHead(refusal.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(refusal.body));
    return true;
  };

  Object.assign(world, {
    team: (id: string) => {
      const team = world.teams.find((t) => t.id === id);
      if (!team) throw new Error(`no team ${id}`);
      return team;
    },
    writesTo: (key: string, what: 'transitions' | 'comment') => world.jiraCalls.filter((c) => c.method === 'POST' && c.path.endsWith(`/issue/${key}/${what}`)),
    comments: (key: string) => (world.site.comments?.[key] ?? []).map(adfText),
    moveInJira(key: string, status: string, at = new Date()) {
      const f = fields(key);
      f.status = statusOf(status);
      f.updated = at.toISOString().replace('Z', '+0000');
    },
    status: (key: string) => String((fields(key).status as { name?: string } | undefined)?.name ?? ''),
    syncDeps: () => syncDepsFrom(world.adapters, world.config, systemClock),
    async sync() {
      await runSyncOnce(world.syncDeps(), 'full');
    },
    async remind(teamId: string, now: Date) {
      const before = world.slack.callsTo('chat.postMessage').length;
      const result = await sendAcceptanceReminders(world.reminderDeps, world.team(teamId), now);
      if (result.sent) await world.waitForCalls('chat.postMessage', before + 1);
      return result;
    },
    dms: (channel = PRIYA_DM) => world.slack.channelMessages(channel),
    waitForCalls: (method: string, count: number) => waitFor(() => world.slack.callsTo(method).length >= count, 10_000),
    async reset(options: { teams?: (teams: TeamProfile[]) => TeamProfile[] } = {}) {
      await world.outbox?.close();
      await built?.close();
      await world.jira?.close();
      world.client ??= redis.client();
      await world.client.flushall();
      slack.reset();
      world.jiraCalls.length = 0;
      world.refuse = undefined;
      world.site = loadSampleSite('samples/jira');
      world.jira = await startJiraSiteServer(world.site, intercept);
      built = testAdapters(world.client, { prefix: PREFIX, env: acceptanceEnv(world.jira.url, slack.apiUrl), ...(options.teams ? { teams: options.teams } : {}) });
      world.config = built.config;
      world.teams = world.config.teams.teams;
      world.adapters = built.adapters;
      await world.sync();
      world.jiraCalls.length = 0;
      world.store = world.adapters.items;
      world.state = world.adapters.acceptanceState;
      world.outbox = outboxHarness(redis, slack, PREFIX);
      world.outbox.startWorker({ perChannelIntervalMs: 5 });
      const site = world.adapters.jira;
      const clients = world.adapters.slack;
      if (!site || !clients) throw new Error('the acceptance world needs Jira and Slack');
      world.writer = site.writer;
      world.reminderDeps = { items: world.store, state: world.state, outbox: world.adapters.outbox, presence: slackPresence(clients.web) };
    },
    async close() {
      await world.outbox?.close();
      await built?.close();
      await world.jira?.close();
      await slack.close();
      await redis.stop();
    },
  });
  return world;
}
