import { describe, expect, it } from 'vitest';
import { type NudgeCandidate, recordNudges, selectNudges } from '../../../src/domain/nudges/select-nudges.js';
import type { Verdict } from '../../../src/domain/verdict.js';
import { workItem } from '../../../src/domain/work-item.js';
import { aTeam } from '../../support/builders.js';

const berlin = aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [12], components: [] }, timezone: 'Europe/Berlin' });

function candidate(key: string, role = 'unclear', state: Verdict['state'] = 'owned', updatedBy?: string): NudgeCandidate {
  const verdict: Verdict = { key, role, state, confidence: 0.4, teamId: 'payments', owners: [], reasons: [] };
  return { item: workItem({ key, summary: key, issueType: 'Story', created: '2026-01-01T00:00:00Z', ...(updatedBy ? { updatedBy: { accountId: updatedBy } } : {}) }), verdict };
}
const many = (n: number) => Array.from({ length: n }, (_, i) => candidate(`PAY-${i + 1}`));

describe('selectNudges', () => {
  it('collapses a burst of 40 changed items into one run capped per channel', () => {
    const plan = selectNudges({ team: berlin, candidates: many(40), ledger: new Map(), now: new Date('2026-11-24T09:00:00Z') });
    expect(plan.nudge).toHaveLength(berlin.nudges.dailyCapPerChannel);
    expect(plan.capped).toHaveLength(40 - berlin.nudges.dailyCapPerChannel);
    const later = selectNudges({ team: berlin, candidates: many(40), ledger: new Map(), now: new Date('2026-11-24T12:00:00Z'), sentToday: berlin.nudges.dailyCapPerChannel });
    expect(later.nudge).toEqual([]);
  });

  it('keeps the cool-down for an unchanged item, and lifts it when its state changes', () => {
    const now = new Date('2026-11-24T09:00:00Z');
    const first = selectNudges({ team: berlin, candidates: [candidate('PAY-1')], ledger: new Map(), now });
    const ledger = recordNudges(new Map(), first, now);
    const twoDaysOn = new Date('2026-11-26T09:00:00Z');
    expect(selectNudges({ team: berlin, candidates: [candidate('PAY-1')], ledger, now: twoDaysOn }).nudge).toEqual([]);
    expect(selectNudges({ team: berlin, candidates: [candidate('PAY-1', 'PM', 'unowned')], ledger, now: twoDaysOn }).nudge).toHaveLength(1);
    expect(selectNudges({ team: berlin, candidates: [candidate('PAY-1')], ledger, now: new Date('2026-12-01T09:00:00Z') }).nudge).toHaveLength(1);
  });

  it('ignores a change who-owns made itself', () => {
    const now = new Date('2026-11-24T09:00:00Z');
    const ledger = recordNudges(new Map(), selectNudges({ team: berlin, candidates: [candidate('PAY-1')], ledger: new Map(), now }), new Date('2026-11-10T09:00:00Z'));
    const plan = selectNudges({ team: berlin, candidates: [candidate('PAY-1', 'unclear', 'owned', 'bot-account')], ledger, now, botAccountId: 'bot-account' });
    expect(plan.nudge).toEqual([]);
    expect(plan.skipped.join()).toMatch(/made by who-owns/);
  });

  it('respects working hours in the team zone across the DST change', () => {
    // 07:30 UTC is 08:30 in Berlin before 29 March 2026 (CET) and 09:30 after it (CEST).
    const winter = selectNudges({ team: berlin, candidates: many(1), ledger: new Map(), now: new Date('2026-03-27T07:30:00Z') });
    expect(winter.nudge).toEqual([]);
    expect(winter.deferUntil?.toISOString()).toBe('2026-03-27T08:00:00.000Z');
    const summer = selectNudges({ team: berlin, candidates: many(1), ledger: new Map(), now: new Date('2026-03-30T07:30:00Z') });
    expect(summer.nudge).toHaveLength(1);
  });

  it('holds Friday-evening items until Monday morning in the team zone', () => {
    const ny = { ...berlin, timezone: 'America/New_York' };
    const plan = selectNudges({ team: ny, candidates: many(2), ledger: new Map(), now: new Date('2026-11-27T23:00:00Z') });
    expect(plan.nudge).toEqual([]);
    expect(plan.deferUntil?.toISOString()).toBe('2026-11-30T14:00:00.000Z');
    const kolkata = { ...berlin, timezone: 'Asia/Kolkata' };
    expect(selectNudges({ team: kolkata, candidates: many(2), ledger: new Map(), now: new Date('2026-11-27T05:00:00Z') }).nudge).toHaveLength(2);
  });

  it('escalates once after the configured working days', () => {
    const monday = new Date('2026-11-23T09:00:00Z');
    let ledger = recordNudges(new Map(), selectNudges({ team: berlin, candidates: [candidate('PAY-1')], ledger: new Map(), now: monday }), monday);
    expect(selectNudges({ team: berlin, candidates: [candidate('PAY-1')], ledger, now: new Date('2026-11-25T09:00:00Z') }).escalate).toEqual([]);
    const thursday = new Date('2026-11-26T09:00:00Z');
    const plan = selectNudges({ team: berlin, candidates: [candidate('PAY-1')], ledger, now: thursday });
    expect(plan.escalate).toHaveLength(1);
    ledger = recordNudges(ledger, plan, thursday);
    expect(selectNudges({ team: berlin, candidates: [candidate('PAY-1')], ledger, now: new Date('2026-11-27T09:00:00Z') }).escalate).toEqual([]);
  });

  it('never nudges a restricted item into the channel, and by DM only when the team file allows restricted items to their readers', () => {
    const now = new Date('2026-11-24T09:00:00Z');
    const restricted = { ...candidate('PAY-9'), item: { ...candidate('PAY-9').item, securityLevel: 'Finance only' } };
    const byDm = { ...berlin, nudges: { ...berlin.nudges, target: 'dm' as const } };
    const keys = (team: typeof berlin) => selectNudges({ team, candidates: [restricted, candidate('PAY-1')], ledger: new Map(), now }).nudge.map((c) => c.item.key);

    expect(keys(berlin)).toEqual(['PAY-1']);
    expect(keys(byDm)).toEqual(['PAY-1']);
    expect(keys({ ...byDm, showRestrictedToRequester: true }).sort()).toEqual(['PAY-1', 'PAY-9']);
    expect(keys({ ...berlin, showRestrictedToRequester: true })).toEqual(['PAY-1']);
  });
});
