import { describe, expect, it } from 'vitest';
import { attentionChanges } from '../../src/domain/attention-changes.js';
import { resolutionOf } from '../../src/domain/resolution.js';
import type { Verdict } from '../../src/domain/verdict.js';

function verdict(key: string, role: string, extra: Partial<Verdict> = {}): Verdict {
  return { key, role, confidence: 0.6, state: 'owned', teamId: 'payments', owners: [], reasons: [], ...extra };
}

const at = new Date('2026-11-27T10:00:00Z');

describe('what fresh verdicts change for people', () => {
  it('sorts items that newly need attention from items that needed it and no longer do', () => {
    const before = new Map([
      ['PAY-1', verdict('PAY-1', 'unclear')],
      ['PAY-2', verdict('PAY-2', 'PO')],
      ['PAY-3', verdict('PAY-3', 'unclear')],
      ['PAY-4', verdict('PAY-4', 'PM', { state: 'unowned' })],
    ]);
    const after = [verdict('PAY-1', 'PM'), verdict('PAY-2', 'unclear'), verdict('PAY-3', 'unclear', { confidence: 0.3 }), verdict('PAY-4', 'PO'), verdict('PAY-5', 'unclear'), verdict('PAY-6', 'PO')];

    const changes = attentionChanges(before, after);

    expect(changes.needAttention).toEqual(new Map([['payments', ['PAY-2', 'PAY-5']]]));
    expect([...(changes.resolved.get('payments') ?? [])].map((v) => v.key)).toEqual(['PAY-1', 'PAY-4']);
  });

  it('files a resolved item under the team that was asked about it', () => {
    const changes = attentionChanges(new Map([['PAY-1', verdict('PAY-1', 'unclear', { teamId: 'growth' })]]), [verdict('PAY-1', 'PM')]);

    expect([...changes.resolved.keys()]).toEqual(['growth']);
  });

  it("says why an item is clear: what the site learned first, else the strongest reason for the role, else the decision it carries", () => {
    const learned = { signal: 'learned', role: 'PM', weight: 0.2, evidence: { field: 'decisions on this site', value: 'issue type Epic' }, text: 'learned from 14 decisions on this site: issue type Epic → PM (+0.2)' };
    const type = { signal: 'issue-type', role: 'PM', weight: 0.4, evidence: { field: 'issuetype', value: 'Epic' }, text: 'issue type Epic' };
    const against = { signal: 'words', role: 'PO', weight: 0.9, evidence: { field: 'summary', value: 'fix' }, text: 'summary: ‘fix’ → PO +0.9' };
    const decidedBy = { person: { slackId: 'U0PRIYA01' }, at: '2026-11-26T09:00:00Z', source: 'jira-property' as const };

    expect(resolutionOf(verdict('PAY-1', 'PM', { reasons: [against, type, learned] }), at)).toEqual({ attributed: { role: 'PM', why: learned.text, at: at.toISOString() } });
    expect(resolutionOf(verdict('PAY-1', 'PM', { reasons: [against, type] }), at)).toEqual({ attributed: { role: 'PM', why: 'issue type Epic', at: at.toISOString() } });
    expect(resolutionOf(verdict('PAY-1', 'PO', { decidedBy }), at)).toEqual({ decision: { role: 'PO', decidedBy: { slackId: 'U0PRIYA01' }, decidedAt: '2026-11-26T09:00:00Z', source: 'jira-property' } });
  });
});
