import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/domain/verdict.js';
import { workItem } from '../../src/domain/work-item.js';
import { ACTIONS } from '../../src/views/action-ids.js';
import { renderAttributedNudge, renderDecidedNudge, renderEscalation, renderNudgeMessage } from '../../src/views/nudge-blocks.js';

function candidate(key: string, role = 'unclear', state: Verdict['state'] = 'owned') {
  const verdict: Verdict = { key, role, state, confidence: 0.5, teamId: 'payments', owners: [], reasons: [{ signal: 'text-cue', role: 'PM', weight: 1, evidence: { field: 'summary', value: 'x' }, text: 'mentions <pricing>' }] };
  return { item: workItem({ key, summary: `Summary of ${key}`, issueType: 'Story', url: `https://acme.atlassian.net/browse/${key}` }), verdict };
}

describe('nudge message', () => {
  it('lists the top items with the /who-owns decision buttons (both roles for an unclear item) plus Snooze, and puts the rest in a thread', () => {
    const { main, threads: [thread] } = renderNudgeMessage({ teamName: 'Payments', items: ['PAY-1', 'PAY-2', 'PAY-3'].map((k) => candidate(k)), topN: 2 });
    expect(main).toMatchSnapshot();
    expect(thread?.text).toBe('1 more item needs an owner decision');
    const actions = JSON.stringify(main.blocks).match(/who_owns_\w+/g);
    expect(new Set(actions)).toEqual(new Set([ACTIONS.claim, ACTIONS.markPo, ACTIONS.markPm, ACTIONS.assign, ACTIONS.notApplicable, ACTIONS.snooze]));
    expect(JSON.stringify(main.blocks)).toContain('mentions &lt;pricing&gt;');
  });

  it('replaces a decided item by a ✅ line and keeps the others', () => {
    const decision = { role: 'PM', decidedBy: { slackId: 'U0MARCO02' }, decidedAt: '2026-11-23T10:00:00Z', source: 'slack' as const };
    const { main } = renderNudgeMessage({ teamName: 'Payments', items: [candidate('PAY-1'), candidate('PAY-2')], topN: 5, decided: { 'PAY-1': decision } });
    expect(JSON.stringify(main.blocks)).toContain('✅ PAY-1 — PM, decided by <@U0MARCO02>');
    expect(JSON.stringify(main.blocks)).toContain('nudge:PAY-2');
    expect(JSON.stringify(main.blocks)).not.toContain('nudge:PAY-1');
    expect(renderDecidedNudge('PAY-9', { ...decision, role: 'none' }).text).toBe('✅ PAY-9 — no owner needed, marked not applicable by <@U0MARCO02>');
  });

  it('replaces an item a refit or a sync made clear by a ✅ line saying why no decision is needed', () => {
    const attributed = { role: 'PM', why: 'learned from 14 decisions on this site: label `gtm` → PM (+1.1)', at: '2026-11-23T10:00:00Z' };
    const { main } = renderNudgeMessage({ teamName: 'Payments', items: [candidate('PAY-1'), candidate('PAY-2')], topN: 5, attributed: { 'PAY-1': attributed } });
    expect(JSON.stringify(main.blocks)).toContain('nudge:PAY-2');
    expect(JSON.stringify(main.blocks)).not.toContain('nudge:PAY-1');
    expect(renderAttributedNudge('PAY-1', attributed)).toMatchSnapshot();
  });

  it('escalation mentions PO and PM in one message, and says when a role is vacant', () => {
    const message = renderEscalation({ teamName: 'Platform', po: { slack: 'U0PO' }, pm: null, items: [candidate('PLAT-1', 'PM', 'unowned')], workingDays: 3 });
    expect(message.text).toBe('<@U0PO> (role vacant) — still no owner after 3 working days in Platform: PLAT-1. Please decide together.');
    expect(message).toMatchSnapshot();
  });
});
