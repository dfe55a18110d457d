import { describe, expect, it } from 'vitest';
import { attributeItem, SHIPPED_MODEL, teamIndexOf } from '../../../src/domain/attribution/attribute-item.js';
import { extractFeatures, newWordFeatures } from '../../../src/domain/attribution/features.js';
import { pairBucket, wordHash } from '../../../src/domain/attribution/text-hashing.js';
import { fitSiteAdjustment } from '../../../src/domain/learning/fit-site-adjustment.js';
import { learnedPulls, loadSiteAdjustment, type SiteAdjustment } from '../../../src/domain/learning/site-adjustment.js';
import { type DecidedItem, PERSON_CAP, siteExamples } from '../../../src/domain/learning/site-examples.js';
import { describeRule, ruleId, suggestRules } from '../../../src/domain/learning/suggest-rules.js';
import type { TeamProfile } from '../../../src/domain/team.js';
import { type OwnershipDecision, type WorkItem, workItem } from '../../../src/domain/work-item.js';
import { aTeam } from '../../support/builders.js';

const payments = aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [], components: [] }, members: [{ slack: 'U0MEMBER3' }] });
const PO_SLACK = 'U0PRIYA01';

function gtmItem(n: number, project = 'PAY'): WorkItem {
  return workItem({ key: `${project}-${n}`, summary: `Update the onboarding checklist step ${n}`, issueType: 'Task', labels: ['gtm'], description: 'Change the wording of the checklist on the onboarding screen.' });
}

function decision(role: string, slackId = PO_SLACK, decidedAt = '2026-01-05T10:00:00.000Z'): OwnershipDecision {
  return { role, decidedBy: { slackId }, decidedAt, source: 'slack' };
}

function learn(decided: readonly DecidedItem[], teams: readonly TeamProfile[] = [payments]): SiteAdjustment | null {
  const { examples, people } = siteExamples(decided, teamIndexOf(teams), SHIPPED_MODEL.classes);
  const file = fitSiteAdjustment(SHIPPED_MODEL, examples, people);
  return file ? loadSiteAdjustment(file) : null;
}

const pmDecisions = (count: number, slackId = PO_SLACK): DecidedItem[] => Array.from({ length: count }, (_, i) => ({ item: gtmItem(i + 1), teamId: 'payments', decision: decision('PM', slackId) }));

describe('learning a site convention from its decisions', () => {
  const fresh = gtmItem(900);

  it('items like the decided ones move to the role the team chose, and the verdict says what was learned', () => {
    const before = attributeItem(fresh, { teams: [payments] });
    expect(before.role).not.toBe('PM');
    const adjustment = learn(pmDecisions(20));
    const after = attributeItem(fresh, { teams: [payments], adjustment });
    expect(after.role).toBe('PM');
    expect(after.reasons.map((r) => r.text)).toContainEqual(expect.stringMatching(/^learned from 20 decisions on this site: .*→ PM \(\+\d/));
  });

  it('a team-file map outranks what was learned, and a team with learning off is scored by the global model', () => {
    const adjustment = learn(pmDecisions(20));
    const mapped = aTeam({ ...payments, attribution: { ...payments.attribution, labels: { gtm: 'PO' } } });
    expect(attributeItem(fresh, { teams: [mapped], adjustment }).reasons.some((r) => r.signal === 'learned')).toBe(false);
    const off = aTeam({ ...payments, attribution: { ...payments.attribution, learn: false } });
    expect(attributeItem(fresh, { teams: [off], adjustment })).toEqual(attributeItem(fresh, { teams: [off] }));
  });

  it('decisions that answer like items both ways, or a single decision, move no verdict', () => {
    const split = [...pmDecisions(10), ...Array.from({ length: 10 }, (_, i) => ({ item: gtmItem(100 + i), teamId: 'payments', decision: decision('PO') }))];
    for (const decided of [split, pmDecisions(1)]) {
      const adjustment = learn(decided);
      expect(adjustment?.weights.every((w) => w === 0)).toBe(true);
      expect(adjustment?.bias.every((b) => b === 0)).toBe(true);
      expect(attributeItem(fresh, { teams: [payments], adjustment })).toEqual(attributeItem(fresh, { teams: [payments] }));
    }
  });

  it('decisions by people the team file does not list, and Not applicable, teach nothing', () => {
    expect(learn(pmDecisions(20, 'U0STRANGER'))).toBeNull();
    expect(learn(pmDecisions(20).map((d) => ({ ...d, decision: decision('none') })))).toBeNull();
  });

  it('one person counts for at most the cap, however many decisions they make', () => {
    const { examples } = siteExamples(pmDecisions(PERSON_CAP * 2), teamIndexOf([payments]), SHIPPED_MODEL.classes);
    expect(examples.reduce((sum, e) => sum + e.weight, 0)).toBeCloseTo(PERSON_CAP);
  });

  it("names a learned word only where the item has it, not another word sharing its bucket", () => {
    const direct = Array.from({ length: 20 }, (_, i) => ({ item: workItem({ key: `PAY-${300 + i}`, summary: `Direct debit retry step ${i}`, issueType: 'Task' }), teamId: 'payments', decision: decision('PM') }));
    const adjustment = learn(direct);
    // The premise: 'dc sprint' falls in the bucket learned as 'direct'.
    expect(adjustment?.words.get(pairBucket(wordHash('dc'), wordHash('sprint')))).toBe('direct');
    const settings = teamIndexOf([payments]).fallback;
    const named = (summary: string) => learnedPulls(adjustment as SiteAdjustment, extractFeatures({ item: workItem({ key: 'PAY-999', summary, issueType: 'Task' }), settings, words: newWordFeatures() }), settings.weight, 1, 0).map((p) => p.what);
    expect(named('Direct debit for the DC sprint')).toEqual(expect.arrayContaining(['the word ‘direct’', 'the word ‘dc sprint’']));
    expect(named('Plan the DC sprint')).not.toContain('the word ‘direct’');
  });

  it('a refit from the same decisions gives the same offsets', () => {
    const decided = [...pmDecisions(8), { item: gtmItem(50), teamId: 'payments', decision: decision('PO', 'U0MEMBER3') }];
    expect(JSON.stringify(fitSiteAdjustment(SHIPPED_MODEL, siteExamples(decided, teamIndexOf([payments]), SHIPPED_MODEL.classes).examples, 2))).toBe(JSON.stringify(fitSiteAdjustment(SHIPPED_MODEL, siteExamples([...decided].reverse(), teamIndexOf([payments]), SHIPPED_MODEL.classes).examples, 2)));
  });
});

describe('rules the decisions already follow', () => {
  const examples = (decided: readonly DecidedItem[], teams: readonly TeamProfile[] = [payments]) => siteExamples(decided, teamIndexOf(teams), SHIPPED_MODEL.classes).examples;

  it('five agreeing decisions on a label suggest it as a rule; one dissent, a configured map or an earlier answer do not', () => {
    const five = pmDecisions(5);
    expect(suggestRules(examples(five), new Set()).map((r) => describeRule(r))).toContain('label `gtm` → PM');
    expect(suggestRules(examples(pmDecisions(4)), new Set()).filter((r) => r.kind === 'label')).toEqual([]);
    const dissent = [...five, { item: gtmItem(60), teamId: 'payments', decision: decision('PO') }];
    expect(suggestRules(examples(dissent), new Set()).filter((r) => r.kind === 'label')).toEqual([]);
    const mapped = aTeam({ ...payments, attribution: { ...payments.attribution, labels: { GTM: 'PM' } } });
    expect(suggestRules(examples(five, [mapped]), new Set()).filter((r) => r.kind === 'label')).toEqual([]);
    expect(suggestRules(examples(five), new Set([ruleId('payments', 'label', 'gtm')])).filter((r) => r.kind === 'label')).toEqual([]);
  });
});
