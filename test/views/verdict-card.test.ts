import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/domain/verdict.js';
import { workItem } from '../../src/domain/work-item.js';
import { renderAppHome } from '../../src/views/app-home.js';
import { renderVerdictCard } from '../../src/views/verdict-card.js';

const item = workItem({ key: 'PAY-231', summary: 'Export <payouts> & refunds', issueType: 'Story', url: 'https://acme.atlassian.net/browse/PAY-231' });
const verdict: Verdict = {
  key: 'PAY-231',
  role: 'PO',
  confidence: 0.86,
  state: 'owned',
  teamId: 'payments',
  owners: [{ slackId: 'U0PRIYA01', displayName: 'Priya Nair' }],
  reasons: [
    { signal: 'sprint', role: 'PO', weight: 3, evidence: { field: 'sprint', value: 'Sprint 42' }, text: 'in active sprint “Sprint 42”' },
    { signal: 'text-cue', role: 'PM', weight: 1, evidence: { field: 'summary', value: '<b>' }, text: 'mentions <b>pricing</b>' },
  ],
};

describe('views/verdict-card', () => {
  it('renders key, link, role, mention, confidence, escaped reasons and the decision buttons', () => {
    expect(renderVerdictCard(item, verdict)).toMatchSnapshot();
  });

  it('offers both "It’s PO work" and "It’s PM work" on an unclear verdict', () => {
    const card = renderVerdictCard(item, { ...verdict, role: 'unclear', owners: [] });
    expect(card.blocks.find((b) => (b as { type: string }).type === 'actions')).toMatchSnapshot();
  });

  it('offers "It’s PO work" on a PM verdict and escapes user text', () => {
    const card = JSON.stringify(renderVerdictCard(item, { ...verdict, role: 'PM' }).blocks);
    expect(card).toContain("It's PO work");
    expect(card).not.toContain("It's PM work");
    expect(card).toContain('&lt;payouts&gt; &amp; refunds');
    expect(card).not.toContain('<b>');
  });
});

describe('views/app-home', () => {
  it('renders a PO’s and a PM’s sections', () => {
    expect(renderAppHome([
      { teamName: 'Payments', role: 'PO', first: [{ item, verdict }], second: [] },
      { teamName: 'Payments', role: 'PM', first: [], second: [{ item, verdict: { ...verdict, role: 'PM' } }] },
    ])).toMatchSnapshot();
  });
});
