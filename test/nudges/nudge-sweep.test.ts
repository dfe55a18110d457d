import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/domain/verdict.js';
import { workItem } from '../../src/domain/work-item.js';
import { escalatedItems, onDecisionForNudges, runNudgeSweep } from '../../src/nudges/nudge-sweep.js';
import type { ItemStore, NudgeLedger } from '../../src/ports.js';
import { type OutboxHarness, outboxHarness, waitFor } from '../delivery/outbox-harness.js';
import { aTeam } from '../support/builders.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { testAdapters } from '../support/test-adapters.js';

const team = aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [12], components: [] }, timezone: 'Europe/Berlin' });
let redis: TestRedis;
let slack: FakeSlackApi;
let h: OutboxHarness;
let n = 0;
let store: ItemStore;
let ledger: NudgeLedger;

function unclear(key: string): Verdict {
  return { key, role: 'unclear', confidence: 0.4, state: 'owned', teamId: 'payments', owners: [], reasons: [{ signal: 'text-cue', role: 'PM', weight: 1, evidence: { field: 'summary', value: 'pricing' }, text: 'mentions pricing' }] };
}

beforeAll(async () => {
  redis = await startTestRedis();
  slack = await startFakeSlackApi({ clockTs: true });
});
afterAll(async () => {
  await h?.close();
  await slack.close();
  await redis.stop();
});
beforeEach(async () => {
  await h?.close();
  slack.reset();
  const prefix = `n${++n}`;
  h = outboxHarness(redis, slack, prefix);
  h.startWorker();
  ({ items: store, nudgeLedger: ledger } = testAdapters(h.redis, { prefix, teams: [team] }).adapters);
  const keys = Array.from({ length: 7 }, (_, i) => `PAY-${i + 1}`);
  await store.putItems(keys.map((key, i) => workItem({ key, summary: `Item ${i + 1}`, issueType: 'Story', created: `2026-11-0${i + 1}T09:00:00Z` })));
  await store.putVerdicts(keys.map(unclear));
});

const deps = () => ({ items: store, ledger, outbox: h.outbox });
// Monday 23 Nov 2026, 10:00 in Berlin.
const monday = new Date('2026-11-23T09:00:00Z');

describe('nudge sweep', () => {
  it('posts one message with the top items, the rest in its thread, and nothing more within the cool-down', async () => {
    const first = await runNudgeSweep(deps(), team, monday);
    expect(first.nudged).toHaveLength(7);
    await waitFor(() => slack.channelMessages('C0PAYMENTS').length === 2);
    const [main, thread] = slack.channelMessages('C0PAYMENTS');
    expect(main?.text).toMatch(/^7 items in Payments need an owner decision/);
    expect(thread?.thread_ts).toBe(main?.ts);
    const again = await runNudgeSweep(deps(), team, new Date(monday.getTime() + 3600_000));
    expect(again.nudged).toEqual([]);
    await new Promise((r) => setTimeout(r, 100));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('holds nudges outside working hours (Saturday in Berlin)', async () => {
    const result = await runNudgeSweep(deps(), team, new Date('2026-11-28T10:00:00Z'));
    expect(result.nudged).toEqual([]);
    expect(result.deferUntil).toBe('2026-11-30T08:00:00.000Z');
    await new Promise((r) => setTimeout(r, 100));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('edits the original message in place when an item is decided', async () => {
    await runNudgeSweep(deps(), team, monday);
    await waitFor(() => slack.channelMessages('C0PAYMENTS').length === 2);
    const decided = await onDecisionForNudges(deps(), 'PAY-2', { role: 'PM', owner: { slackId: 'U0MARCO02' }, decidedBy: { slackId: 'U0MARCO02' }, decidedAt: monday.toISOString(), source: 'slack' });
    expect(decided).toBe(true);
    await waitFor(() => slack.callsTo('chat.update').length === 1);
    const messages = slack.channelMessages('C0PAYMENTS');
    expect(messages).toHaveLength(2);
    expect(JSON.stringify(messages[0]?.blocks)).toContain('✅ PAY-2 — PM, assigned to <@U0MARCO02> by <@U0MARCO02>');
    expect(await onDecisionForNudges(deps(), 'PAY-99', { role: 'PO', decidedBy: { slackId: 'U1' }, decidedAt: monday.toISOString(), source: 'slack' })).toBe(false);
  });

  it('escalates unresolved items once, to PO and PM together, after 3 working days', async () => {
    await runNudgeSweep(deps(), team, monday);
    const thursday = new Date('2026-11-26T09:00:00Z');
    const escalation = await runNudgeSweep(deps(), team, thursday);
    expect(escalation.escalated).toHaveLength(7);
    const friday = await runNudgeSweep(deps(), team, new Date('2026-11-27T09:00:00Z'));
    expect(friday.escalated).toEqual([]);
    await waitFor(() => slack.channelMessages('C0PAYMENTS').length === 3);
    const raised = slack.channelMessages('C0PAYMENTS').filter((m) => m.text.includes('still no owner'));
    expect(raised).toHaveLength(1);
    expect(raised[0]?.text).toContain('<@U0PRIYA01> <@U0MARCO02>');
    expect((await escalatedItems(ledger, 'payments')).map((e) => e.key)).toContain('PAY-1');
  });

  it('a snoozed item stays out of nudges for a week, then comes back', async () => {
    const until = new Date(monday.getTime() + 7 * 86_400_000 - team.nudges.cooldownDays * 86_400_000);
    await ledger.snooze('payments', 'PAY-1', until, 'unclear:owned');
    const now = await runNudgeSweep(deps(), team, monday);
    expect(now.nudged).not.toContain('PAY-1');
    expect(now.nudged).toHaveLength(6);
    const nextWeek = await runNudgeSweep(deps(), team, new Date('2026-11-30T09:00:00Z'));
    expect(nextWeek.nudged).toContain('PAY-1');
  });

  it('a daily cap of 400 with topN 20: every item reaches the channel, in as many thread replies as Slack’s limits need, and a decision edits the reply listing it', async () => {
    const big = { ...team, nudges: { ...team.nudges, dailyCapPerChannel: 400, topN: 20 } };
    const keys = Array.from({ length: 400 }, (_, i) => `PAY-${1000 + i}`);
    await store.putItems(keys.map((key, i) => workItem({ key, summary: `${'Reconcile payouts and refunds across every market, '.repeat(5)}${i}`.slice(0, 255), issueType: 'Story', url: `https://acme.atlassian.net/browse/${key}` })));
    await store.putVerdicts(keys.map(unclear));

    const run = await runNudgeSweep(deps(), big, monday);
    expect(run.nudged).toHaveLength(400);
    const posted = () => slack.channelMessages('C0PAYMENTS');
    const listed = () => new Set([...JSON.stringify(posted()).matchAll(/who_owns_claim","value":"(PAY-\d+)/g)].map((m) => m[1]));
    await waitFor(() => listed().size >= 400, 20_000).catch(() => {});
    expect([...listed()].sort()).toEqual([...run.nudged].sort());

    const [main, ...replies] = posted();
    expect(replies.length).toBeGreaterThan(1);
    for (const reply of replies) expect(reply.thread_ts).toBe(main?.ts);
    expect(slack.refusals).toEqual([]);
    expect(await onDecisionForNudges(deps(), 'PAY-1399', { role: 'PO', decidedBy: { slackId: 'U0PRIYA01' }, decidedAt: monday.toISOString(), source: 'slack' })).toBe(true);
    await waitFor(() => slack.callsTo('chat.update').length === 1);
    expect(JSON.stringify(posted().at(-1)?.blocks)).toContain('✅ PAY-1399 — PO');
  });
});
