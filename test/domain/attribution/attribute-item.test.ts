import { describe, expect, it } from 'vitest';
import { attributeAll } from '../../../src/domain/attribution/attribute-all.js';
import { attributeItem } from '../../../src/domain/attribution/attribute-item.js';
import type { TeamProfile } from '../../../src/domain/team.js';
import { needsAttention } from '../../../src/domain/verdict.js';
import { type WorkItem, workItem } from '../../../src/domain/work-item.js';
import { aTeam } from '../../support/builders.js';

const payments = aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [12], components: [] } });
const growth = aTeam({
  id: 'growth',
  name: 'Growth',
  jira: { projects: ['GRO'], boards: [], components: ['Checkout'] },
  po: { slack: 'U0DANA004', name: 'Dana Kim' },
  pm: { slack: 'U0DANA004', name: 'Dana Kim' },
});
const platform = aTeam({ id: 'platform', name: 'Platform', jira: { projects: ['PLAT'], boards: [], components: ['Checkout'] }, pm: null });
const teams: TeamProfile[] = [payments, growth, platform];

function story(overrides: Partial<WorkItem> = {}): WorkItem {
  return workItem({
    key: 'PAY-1',
    summary: 'As a merchant, I want to download payouts as CSV so that I can reconcile',
    issueType: 'Story',
    hierarchyLevel: 0,
    sprints: [{ id: 1, name: 'PAY Sprint 23', state: 'active' }],
    storyPoints: 3,
    acceptanceCriteria: 'Given a payout When I click export Then a CSV downloads',
    ...overrides,
  });
}

function initiative(overrides: Partial<WorkItem> = {}): WorkItem {
  return workItem({
    key: 'PAY-2',
    summary: 'Pricing and packaging for SEPA Instant payouts',
    description: 'Competitor analysis shows a market gap; launch in Q1 with a go-to-market plan.',
    issueType: 'Initiative',
    hierarchyLevel: 2,
    labels: ['pricing'],
    targetStart: '2026-12-01',
    targetEnd: '2027-03-31',
    ...overrides,
  });
}

describe('domain/attribution/attribute-item', () => {
  it('gives a sprint story with acceptance criteria to the PO, with the evidence behind each reason', () => {
    const verdict = attributeItem(story(), { teams });

    expect(verdict).toMatchObject({ role: 'PO', state: 'owned', teamId: 'payments', owners: [{ slackId: 'U0PRIYA01' }] });
    expect(verdict.confidence).toBeGreaterThan(0.8);
    expect(verdict.reasons.map((r) => r.signal)).toEqual(expect.arrayContaining(['issue-type', 'sprint', 'story-points', 'acceptance-criteria', 'user-story']));
    expect(verdict.reasons.find((r) => r.signal === 'sprint')?.evidence).toEqual({ field: 'sprint', value: 'PAY Sprint 23' });
    const weights = verdict.reasons.map((r) => r.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  it('gives a pricing initiative with target dates to the PM', () => {
    const verdict = attributeItem(initiative(), { teams });

    expect(verdict).toMatchObject({ role: 'PM', state: 'owned', owners: [{ slackId: 'U0MARCO02' }] });
    expect(verdict.reasons.map((r) => r.signal)).toEqual(expect.arrayContaining(['issue-type', 'hierarchy', 'label', 'target-dates', 'text-cue']));
    expect(verdict.reasons.find((r) => r.signal === 'label')?.evidence).toEqual({ field: 'labels', value: 'pricing' });
  });

  it('answers unclear when there is too little to go on', () => {
    const verdict = attributeItem(workItem({ key: 'PAY-3', summary: 'Wallet top-ups', issueType: 'Epic', hierarchyLevel: 1 }), { teams });

    expect(verdict.role).toBe('unclear');
    expect(verdict.reasons[0]?.text).toMatch(/too little to go on/);
    expect(needsAttention(verdict)).toBe(true);
  });

  it('answers unclear below the confidence a team asks for, naming the probabilities', () => {
    const item = workItem({ key: 'PAY-4', summary: 'Update pricing page copy for the launch', issueType: 'Task', hierarchyLevel: 0, sprints: [{ id: 1, name: 'S1', state: 'active' }] });
    const strict = aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [], components: [] }, attribution: { weights: {}, minConfidence: 0.999, issueTypes: {}, labels: {}, components: {} } });

    const usual = attributeItem(item, { teams });
    const verdict = attributeItem(item, { teams: [strict] });

    expect(usual.role).toBe('PO');
    expect(verdict.role).toBe('unclear');
    expect(verdict.reasons[0]).toMatchObject({ signal: 'margin', text: expect.stringMatching(/^not sure enough: PO at \d+% is below the 100% needed/) });
    expect(verdict.confidence).toBeLessThan(0.5);
  });

  it('answers unclear when the two likeliest roles are closer than the team allows, and says so', () => {
    const item = workItem({ key: 'PAY-7', summary: 'Update pricing page copy for the launch', issueType: 'Task', hierarchyLevel: 0, sprints: [{ id: 1, name: 'S1', state: 'active' }] });
    const usual = attributeItem(item, { teams });
    const wary = aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [], components: [] }, attribution: { weights: {}, minMargin: 0.99, issueTypes: {}, labels: {}, components: {} } });

    const verdict = attributeItem(item, { teams: [wary] });

    expect(usual.role).toBe('PO');
    expect(verdict.role).toBe('unclear');
    expect(verdict.reasons[0]).toMatchObject({ signal: 'margin', text: expect.stringMatching(/^not sure enough: PO at \d+% leads (PM|unclear) at \d+% by less than the 99 points the team file asks for/) });
  });

  it('reads an unknown issue type from its hierarchy level and other signals', () => {
    const unknownTop = attributeItem(workItem({ key: 'PAY-5', summary: 'FY27 bets', issueType: 'Portfolio Bet', hierarchyLevel: 3, targetEnd: '2027-06-30' }), { teams });
    const unknownLeaf = attributeItem(story({ key: 'PAY-6', issueType: 'Kundenwunsch', hierarchyLevel: 0 }), { teams });

    expect(unknownTop.role).toBe('PM');
    expect(unknownLeaf.role).toBe('PO');
    expect(unknownLeaf.reasons.some((r) => r.signal === 'issue-type')).toBe(false);
  });

  it('marks the role unowned when the team declares its seat vacant', () => {
    const verdict = attributeItem(initiative({ key: 'PLAT-1' }), { teams });

    expect(verdict).toMatchObject({ role: 'PM', state: 'unowned', teamId: 'platform', owners: [] });
  });

  it('marks items no team claims as unmatched, still naming the likely role', () => {
    const verdict = attributeItem(story({ key: 'OPS-1' }), { teams });

    expect(verdict).toMatchObject({ role: 'PO', state: 'unmatched', teamId: null });
    expect(verdict.reasons.some((r) => r.text.includes('no team in the team file claims project OPS'))).toBe(true);
  });

  it('reports a conflict when two teams claim the item, naming both', () => {
    const verdict = attributeItem(story({ key: 'GRO-1', components: ['Checkout'] }), { teams });

    expect(verdict.state).toBe('conflict');
    expect(verdict.teamId).toBe('growth');
    expect(verdict.reasons.find((r) => r.signal === 'team-claim')?.text).toMatch(/Growth .*project GRO.*Platform .*component Checkout/);
  });

  it('lets one person hold both roles', () => {
    const po = attributeItem(story({ key: 'GRO-2' }), { teams });
    const pm = attributeItem(initiative({ key: 'GRO-3' }), { teams });

    expect([po.role, po.state, po.owners[0]?.slackId]).toEqual(['PO', 'owned', 'U0DANA004']);
    expect([pm.role, pm.state, pm.owners[0]?.slackId]).toEqual(['PM', 'owned', 'U0DANA004']);
  });

  it('lets a recorded decision override the rules, with provenance', () => {
    const decision = { role: 'PM', decidedBy: { slackId: 'U0LENA003', displayName: 'Lena Vogel' }, decidedAt: '2026-11-20T10:00:00Z', source: 'slack' as const };

    const verdict = attributeItem(story(), { teams, decision });

    expect(verdict).toMatchObject({ role: 'PM', confidence: 1, state: 'owned', owners: [{ slackId: 'U0MARCO02' }] });
    expect(verdict.decidedBy?.person.displayName).toBe('Lena Vogel');
    expect(verdict.reasons[0]?.text).toBe('decided by Lena Vogel on 2026-11-20: PM');
  });

  it('treats "not applicable" as needing no owner and no attention', () => {
    const decision = { role: 'none', decidedBy: { slackId: 'U0PRIYA01' }, decidedAt: '2026-11-20T10:00:00Z', source: 'jira-property' as const };

    const verdict = attributeItem(story(), { teams, decision });

    expect(verdict.state).toBe('unowned');
    expect(needsAttention(verdict)).toBe(false);
  });

  it('counts stories waiting in an acceptance status toward the PO', () => {
    const verdict = attributeItem(workItem({ key: 'PAY-7', summary: 'Fix rounding', issueType: 'Bug', status: 'Ready for acceptance' }), { teams });

    expect(verdict.reasons.find((r) => r.signal === 'awaiting-acceptance')?.evidence).toEqual({ field: 'status', value: 'Ready for acceptance' });
  });

  it('applies team overrides: a signal turned off and site-specific type names', () => {
    const tuned = aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [], components: [] }, attribution: { weights: { 'text-cue': 0 }, issueTypes: { 'Business Request': 'PM' }, labels: {}, components: {} } });

    const verdict = attributeItem(workItem({ key: 'PAY-8', summary: 'Competitor pricing review', issueType: 'Business Request' }), { teams: [tuned] });

    expect(verdict.role).toBe('PM');
    expect(verdict.reasons.some((r) => r.signal === 'text-cue')).toBe(false);
    expect(verdict.reasons[0]?.text).toMatch(/mapped in the team file/);
  });

  it('routes neighbouring roles configured in the team file', () => {
    const withPmm = aTeam({
      id: 'payments',
      name: 'Payments',
      jira: { projects: ['PAY'], boards: [], components: [] },
      roles: [{ id: 'PMM', title: 'Product marketing manager', people: [{ slack: 'U0JOAN004' }], cues: ['launch announcement', 'messaging', 'positioning'] }],
    });

    const verdict = attributeItem(workItem({ key: 'PAY-9', summary: 'Launch announcement messaging and positioning for SEPA Instant', issueType: 'Task' }), { teams: [withPmm] });

    expect(verdict).toMatchObject({ role: 'PMM', owners: [{ slackId: 'U0JOAN004' }] });
  });

  it('passes a PM parent to its epics in one pass, parents first', () => {
    const parent = initiative({ key: 'PAY-10' });
    const epic = workItem({ key: 'PAY-11', summary: 'Instant payout fees', issueType: 'Epic', hierarchyLevel: 1, parentKey: 'PAY-10', targetEnd: '2027-01-31' });

    const [epicVerdict, parentVerdict] = attributeAll([epic, parent], teams);

    expect(parentVerdict?.role).toBe('PM');
    expect(epicVerdict?.role).toBe('PM');
    expect(epicVerdict?.reasons.find((r) => r.signal === 'parent-chain')?.evidence).toEqual({ field: 'parent', value: 'PAY-10' });
  });

  it('survives a parent cycle in broken data', () => {
    const a = story({ key: 'PAY-20', parentKey: 'PAY-21' });
    const b = story({ key: 'PAY-21', parentKey: 'PAY-20' });

    expect(attributeAll([a, b], teams).map((v) => v.role)).toEqual(['PO', 'PO']);
  });
});
