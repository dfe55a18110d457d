import { describe, expect, it } from 'vitest';
import { buildAcceptanceQueue } from '../../src/domain/acceptance/acceptance-queue.js';
import { buildWeeklyDigest } from '../../src/domain/digest/build-digest.js';
import type { NudgeCandidate } from '../../src/domain/nudges/select-nudges.js';
import type { Verdict } from '../../src/domain/verdict.js';
import { workItem } from '../../src/domain/work-item.js';
import { renderAcceptanceEscalation, renderAcceptanceReminder } from '../../src/views/acceptance-blocks.js';
import { renderAppHome } from '../../src/views/app-home.js';
import { renderHelp, renderItemList, renderTeamSummary } from '../../src/views/command-answers.js';
import { renderDigestBlocks } from '../../src/views/digest-blocks.js';
import { renderDigestThread } from '../../src/views/digest-thread.js';
import { renderEscalation, renderNudgeMessage } from '../../src/views/nudge-blocks.js';
import { renderVerdictCard } from '../../src/views/verdict-card.js';
import { backlog, NOW } from '../digest/digest-fixtures.js';
import { aTeam } from '../support/builders.js';
import { blockProblem, SLACK_MESSAGE_BLOCKS, SLACK_VIEW_BLOCKS } from '../support/slack-message-limits.js';

/**
 * Every message kind at the largest values the team file allows (topN 20; a daily cap of
 * 400; Jira's 255-character summaries; long team names and many roles), checked against
 * Slack's limits and kept well under 12,000 characters.
 */
const WELL_UNDER = 12_000;
const LONG_TEAM = `Payments ${'and Payouts '.repeat(25)}`.trim();
const SUMMARY = `${'Reconcile <payouts> & refunds *across* every market '.repeat(5)}`.slice(0, 255);
const REASON = `mentions ${'pricing, roadmap, launch and strategy '.repeat(8)}`;

function item(n: number) {
  const key = `PAYMENTSPLATFORM-${100_000 + n}`;
  return workItem({ key, summary: SUMMARY, issueType: 'Story', status: 'Ready for acceptance', statusChangedAt: '2026-10-01T09:00:00.000Z', url: `https://acme-payments-platform.atlassian.net/browse/${key}` });
}

function verdict(key: string): Verdict {
  const why = { signal: 'text-cue', role: 'PM', weight: 1, evidence: { field: 'summary', value: 'pricing' }, text: REASON };
  return { key, role: 'unclear', confidence: 0.4, state: 'owned', teamId: 'payments', owners: [], reasons: [why, why, why] };
}

const candidates = (n: number): NudgeCandidate[] => Array.from({ length: n }, (_, i) => ({ item: item(i), verdict: verdict(item(i).key) }));

/** Characters of text a message carries: its `text` and every text in its blocks. */
function chars(message: { text?: unknown; blocks?: unknown }): number {
  let n = String(message.text ?? '').length;
  JSON.stringify(message.blocks ?? [], (key, value: unknown) => {
    if (key === 'text' && typeof value === 'string') n += value.length;
    return value;
  });
  return n;
}

function expectFits(kind: string, message: { text?: unknown; blocks?: unknown }, maxBlocks = SLACK_MESSAGE_BLOCKS): void {
  expect(blockProblem(message.blocks, maxBlocks), kind).toBeUndefined();
  expect(chars(message), `${kind}: characters`).toBeLessThan(WELL_UNDER);
}

describe('every message within Slack’s limits at the largest configured values', () => {
  it('a nudge of 400 items: the channel message and every thread reply fit, and together list every item', () => {
    const items = candidates(400);
    const { main, threads } = renderNudgeMessage({ teamName: LONG_TEAM, items, topN: 20 });

    expectFits('nudge', main);
    for (const [i, t] of threads.entries()) expectFits(`nudge thread ${i + 1}`, t);
    const listed = [main, ...threads].flatMap((m) => JSON.stringify(m.blocks).match(/who_owns_claim","value":"[^"]+/g) ?? []);
    expect(new Set(listed).size).toBe(400);
  });

  it('an escalation of 400 items points to /who-owns unclear for those past the limit', () => {
    const message = renderEscalation({ teamName: LONG_TEAM, po: { slack: 'U0PO' }, pm: { slack: 'U0PM' }, items: candidates(400), workingDays: 3 });

    expectFits('escalation', message);
    expect(JSON.stringify(message.blocks)).toContain('`/who-owns unclear` lists them all');
  });

  it('a weekly digest and its thread over 2,000 items', () => {
    const entries = backlog(2000);
    const team = aTeam({ id: 'payments', name: LONG_TEAM, jira: { projects: ['PAY'], boards: [12], components: [] } });
    const digest = buildWeeklyDigest({ team, entries, acceptance: buildAcceptanceQueue(entries.map((e) => e.item), team, NOW), now: NOW, week: '2026-W48' });

    expectFits('digest', renderDigestBlocks(digest));
    const thread = renderDigestThread(digest);
    if (thread) expectFits('digest thread', thread);
  });

  it('an acceptance reminder of 400 items with handled lines, and its escalation', () => {
    const team = aTeam({ id: 'payments', name: LONG_TEAM, jira: { projects: ['PAYMENTSPLATFORM'], boards: [], components: [] } });
    const entries = buildAcceptanceQueue(Array.from({ length: 400 }, (_, i) => item(i)), team, NOW);
    const left = Array.from({ length: 200 }, (_, i) => `${item(i).key} — ✅ accepted by ${'Priya Nair-Okafor '.repeat(3)}`);

    expect(entries).toHaveLength(400);
    expectFits('acceptance reminder', renderAcceptanceReminder(LONG_TEAM, entries, { left, reminderId: 'accept:payments:U0PO:2026-11-23' }));
    expectFits('acceptance escalation', renderAcceptanceEscalation(entries[0] as (typeof entries)[0], 'U0PO', 40));
  });

  it('the App Home tab of someone who is PO and PM of 40 teams', () => {
    const rows = candidates(400);
    const sections = Array.from({ length: 40 }, (_, i) => ({ teamName: `${LONG_TEAM} ${i}`, role: i % 2 ? ('PM' as const) : ('PO' as const), first: rows, second: rows }));

    const view = renderAppHome(sections);
    expect(blockProblem(view.blocks, SLACK_VIEW_BLOCKS)).toBeUndefined();
  });

  it('command answers: a 400-item list, a team with 30 extra roles, a verdict card with long reasons, help', () => {
    const rows = candidates(400);
    const roles = Array.from({ length: 30 }, (_, i) => ({ id: `role-${i}`, title: `Design lead for ${LONG_TEAM}`, people: [{ slack: 'U0DESIGN', name: 'Dee Signer' }], cues: ['design'] }));
    const team = aTeam({ id: 'payments', name: LONG_TEAM, jira: { projects: ['PAY'], boards: [12], components: Array.from({ length: 30 }, (_, i) => `Component ${i}`) }, roles });

    expectFits('item list', renderItemList(`Unclear in ${LONG_TEAM}`, rows, 'nothing'));
    expectFits('team summary', renderTeamSummary(team, rows.map((r) => r.verdict)));
    expectFits('verdict card', renderVerdictCard(item(1), { ...verdict(item(1).key), reasons: Array.from({ length: 40 }, () => verdict('x').reasons[0] as Verdict['reasons'][0]) }));
    expectFits('help', renderHelp('x'.repeat(3000)));
  });
});
