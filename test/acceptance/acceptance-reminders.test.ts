import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../config/schema.js';
import { runAcceptanceAction } from '../../src/acceptance/run-acceptance-action.js';
import { type ReminderDeps, sendAcceptanceReminders } from '../../src/acceptance/reminder-service.js';
import { slackPresence } from '../../src/acceptance/slack-presence.js';
import { type SampleJiraServer, startSampleJiraServer } from '../../src/demo/sample-jira-server.js';
import { type AcceptanceState, type ItemStore, type JiraWriter, systemClock } from '../../src/ports.js';
import { runSyncOnce } from '../../src/sync/sync-service.js';
import { syncDepsFrom } from '../../src/sync/wire.js';
import { type OutboxHarness, outboxHarness } from '../delivery/outbox-harness.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.js';
import { acceptanceEnv } from '../support/acceptance-world.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { type TestAdapters, testAdapters } from '../support/test-adapters.js';

// Monday 23 November 2026, 10:30 in Berlin.
const MONDAY = new Date('2026-11-23T09:30:00Z');

describe('acceptance reminders with real Redis, the sample Jira and a fake Slack', () => {
  let redis: TestRedis;
  let client: Redis;
  let jira: SampleJiraServer;
  let slack: FakeSlackApi;
  let config: Config;
  let harness: OutboxHarness;
  let deps: ReminderDeps;
  let store: ItemStore;
  let state: AcceptanceState;
  let writer: JiraWriter;
  let built: TestAdapters | undefined;

  beforeAll(async () => {
    redis = await startTestRedis();
    slack = await startFakeSlackApi({ users: { U0PRIYA01: { tz: 'Europe/Berlin', name: 'priya' }, U0DANA004: { tz: 'America/New_York' } } });
  });
  afterAll(async () => {
    await harness?.close();
    await built?.close();
    await jira?.close();
    await slack.close();
    await redis.stop();
  });

  beforeEach(async () => {
    await harness?.close();
    await built?.close();
    await jira?.close();
    client = redis.client();
    await client.flushall();
    slack.reset();
    jira = await startSampleJiraServer('samples/jira');
    built = testAdapters(client, { prefix: 'acc', env: acceptanceEnv(jira.url, slack.apiUrl) });
    const { adapters } = built;
    config = built.config;
    await runSyncOnce(syncDepsFrom(adapters, config, systemClock), 'full');
    store = adapters.items;
    state = adapters.acceptanceState;
    writer = adapters.jira!.writer;
    harness = outboxHarness(redis, slack, 'acc');
    harness.startWorker({ perChannelIntervalMs: 5 });
    deps = { items: store, state, outbox: adapters.outbox, presence: slackPresence(adapters.slack!.web) };
  });

  const team = (id: string) => config.teams.teams.find((t) => t.id === id)!;
  const dms = async (user: string, count: number) => {
    for (let i = 0; i < 200 && slack.channelMessages(user).length < count; i++) await new Promise((r) => setTimeout(r, 25));
    return slack.channelMessages(user);
  };

  it('sends the PO one reminder a day at their local hour, oldest first, with Accept, Reject, Snooze and Open', async () => {
    const early = await sendAcceptanceReminders(deps, team('payments'), new Date('2026-11-23T08:00:00Z'));
    const first = await sendAcceptanceReminders(deps, team('payments'), MONDAY);
    const [message] = await dms('D0PRIYA01', 1);
    const again = await sendAcceptanceReminders(deps, team('payments'), new Date('2026-11-23T14:00:00Z'));

    expect(early).toMatchObject({ sent: false, reason: 'before-reminder-hour' });
    expect(first).toMatchObject({ sent: true, id: 'accept:payments:U0PRIYA01:2026-11-23' });
    expect(first.sent && first.items).toEqual(['PAY-441', 'PAY-446', 'PAY-463', 'PAY-474']);
    expect(message?.text).toBe('4 finished items in Payments wait for your acceptance');
    const buttons = JSON.stringify(message?.blocks);
    expect(buttons).toContain('"action_id":"who_owns_accept","value":"PAY-441"');
    expect(buttons).toContain('who_owns_reject');
    expect(buttons).toContain('Snooze 3 working days');
    expect(buttons).toContain(`${jira.url}/browse/PAY-441`);
    expect(again).toMatchObject({ sent: false });
    await new Promise((r) => setTimeout(r, 200));
    expect(slack.channelMessages('D0PRIYA01')).toHaveLength(1);
  });

  it('skips weekends and waits while the PO has Do Not Disturb on', async () => {
    const saturday = await sendAcceptanceReminders(deps, team('payments'), new Date('2026-11-21T10:00:00Z'));
    slack.options.users = { U0PRIYA01: { tz: 'Europe/Berlin', dndEnabled: true, nextDndEndTs: Math.floor(MONDAY.getTime() / 1000) + 3600 } };
    const duringDnd = await sendAcceptanceReminders(deps, team('payments'), MONDAY);
    slack.options.users = { U0PRIYA01: { tz: 'Europe/Berlin' } };

    expect(saturday).toMatchObject({ sent: false, reason: 'not-a-working-day' });
    expect(duringDnd).toMatchObject({ sent: false, reason: 'do-not-disturb' });
  });

  it('accepts through the team’s transition with a comment, and the item leaves the queue', async () => {

    const outcome = await runAcceptanceAction({ items: store, state, jira: writer, teams: config.teams.teams }, { key: 'PAY-474', actor: { slackId: 'U0PRIYA01', isBot: false }, action: 'accept' });
    const result = await sendAcceptanceReminders(deps, team('payments'), MONDAY);

    expect(outcome).toMatchObject({ ok: true, message: 'PAY-474 accepted.', handled: '✅ accepted by Priya Nair', team: { id: 'payments' } });
    expect(await writer.listTransitions('PAY-474')).not.toContainEqual(expect.objectContaining({ name: 'Accept' }));
    expect(result.sent && result.items).not.toContain('PAY-474');
  });

  it('rejects with the reason as a Jira comment, refuses anyone but the PO without calling Jira, and runs a double click once', async () => {
    const actionDeps = { items: store, state, jira: writer, teams: config.teams.teams };

    const before = jira.requests;
    const stranger = await runAcceptanceAction(actionDeps, { key: 'PAY-446', actor: { slackId: 'U0DANA004', isBot: false }, action: 'accept' });
    const afterStranger = jira.requests;
    const clicks = await Promise.all([
      runAcceptanceAction(actionDeps, { key: 'PAY-446', actor: { slackId: 'U0PRIYA01', isBot: false }, action: 'reject', reason: 'The fallback notice is missing on the payout page.' }),
      runAcceptanceAction(actionDeps, { key: 'PAY-446', actor: { slackId: 'U0PRIYA01', isBot: false }, action: 'reject', reason: 'The fallback notice is missing on the payout page.' }),
    ]);

    expect(stranger.ok).toBe(false);
    expect(stranger.message).toMatch(/Only the PO \(Priya Nair\)/);
    expect(afterStranger).toBe(before);
    expect(clicks.filter((c) => c.ok && c.message === 'PAY-446 sent back to the team.')).toHaveLength(1);
    expect(clicks.find((c) => c.message !== 'PAY-446 sent back to the team.')?.message).toMatch(/already being handled|already handled/);
  });

  it('shows Jira’s refusal and keeps the item when the workflow has no such transition', async () => {
    const teams = config.teams.teams.map((t) => (t.id === 'payments' ? { ...t, acceptance: { ...t.acceptance, acceptTransition: 'Approve' } } : t));

    const outcome = await runAcceptanceAction({ items: store, state, jira: writer, teams }, { key: 'PAY-463', actor: { slackId: 'U0PRIYA01', isBot: false }, action: 'accept' });

    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/no “Approve” transition .*available: Accept, Reject.*stays in your list/);
    expect(await store.awaitingAcceptanceKeys('payments')).toContain('PAY-463');
  });

  it('raises an overdue item in the team channel once, after enough reminders', async () => {
    const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'].map((d) => new Date(`${d}T09:30:00Z`));
    const escalated: string[][] = [];
    for (const day of days) escalated.push((await sendAcceptanceReminders(deps, team('payments'), day)).escalated);

    // Monday: first reminder. Tuesday: second reminder, so the two items waiting over 3 working
    // days are raised. Wednesday: PAY-463 passes 3 working days. Thursday: only PAY-474, newly over.
    expect(escalated).toEqual([[], ['PAY-441', 'PAY-446'], ['PAY-463'], ['PAY-474']]);
    const channel = await dms('C0PAYMENTS', 4);
    expect(channel.map((m) => m.text)).toEqual(['PAY-441', 'PAY-446', 'PAY-463', 'PAY-474'].map((k) => `${k} waits for acceptance`));
  });
});
