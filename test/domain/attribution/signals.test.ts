import { describe, expect, it } from 'vitest';
import { attributeItem } from '../../../src/domain/attribution/attribute-item.js';
import { describeVerdict } from '../../../src/domain/attribution/describe-verdict.js';
import type { Reason } from '../../../src/domain/verdict.js';
import { type WorkItem, workItem } from '../../../src/domain/work-item.js';
import { aTeam } from '../../support/builders.js';

const teams = [aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [12], components: [] } })];

function reasons(item: Partial<WorkItem> & { summary?: string; issueType?: string }): Reason[] {
  return attributeItem(workItem({ key: 'PAY-7', summary: 'x', issueType: 'Widget', ...item }), { teams }).reasons;
}

function fired(item: Partial<WorkItem> & { summary?: string; issueType?: string }, signal: string): Reason | undefined {
  return reasons(item).find((r) => r.signal === signal);
}

describe('domain/attribution signals', () => {
  it('reads every backlog signal as PO evidence, with the field it came from', () => {
    expect(fired({ storyPoints: 5 }, 'story-points')).toMatchObject({ role: 'PO', evidence: { field: 'storyPoints', value: '5' } });
    expect(fired({ sprints: [{ id: 3, name: 'Sprint 3', state: 'future' }] }, 'sprint')).toMatchObject({ role: 'PO', evidence: { value: 'Sprint 3' } });
    expect(fired({ summary: 'As an admin I want to export users' }, 'user-story')).toMatchObject({ role: 'PO', evidence: { field: 'summary' } });
    expect(fired({ description: 'Acceptance criteria:\n- totals match' }, 'acceptance-criteria')).toMatchObject({ role: 'PO', evidence: { field: 'description' } });
    expect(fired({ description: 'Given a cart\nWhen I pay\nThen I get a receipt' }, 'acceptance-criteria')?.role).toBe('PO');
    expect(fired({ boardIds: [12] }, 'board')).toMatchObject({ role: 'PO', evidence: { value: '12' } });
    expect(fired({ hierarchyLevel: -1 }, 'hierarchy')?.role).toBe('PO');
    expect(fired({ labels: ['tech-debt'] }, 'label')?.role).toBe('PO');
    expect(fired({ summary: 'Steps to reproduce the crash on refund' }, 'text-cue')).toMatchObject({ role: 'PO', evidence: { field: 'summary' } });
  });

  it('reads every roadmap signal as PM evidence', () => {
    const epic = { issueType: 'Epic', hierarchyLevel: 1 };
    expect(fired({ ...epic, fixVersions: [{ name: '2027.1', releaseDate: '2027-01-15', released: false }] }, 'release')).toMatchObject({ role: 'PM', evidence: { field: 'fixVersions', value: '2027.1' } });
    expect(fired({ ...epic, targetStart: '2027-01-01', targetEnd: '2027-03-31' }, 'target-dates')?.role).toBe('PM');
    expect(fired({ hierarchyLevel: 3 }, 'hierarchy')?.role).toBe('PM');
    expect(fired({ labels: ['GTM'] }, 'label')?.role).toBe('PM');
    expect(fired({ components: ['Pricing'] }, 'component')?.role).toBe('PM');
    expect(fired({ summary: 'Competitor pricing review for the OKR' }, 'text-cue')).toMatchObject({ role: 'PM', evidence: { value: expect.stringContaining('competitor') } });
    expect(fired({ issueType: 'Idea' }, 'issue-type')?.role).toBe('PM');
  });

  it('ignores dates and releases on story-level items, where they are delivery plans rather than roadmap', () => {
    expect(fired({ hierarchyLevel: 0, targetEnd: '2027-03-31', fixVersions: [{ name: '1.2', releaseDate: '2027-01-15', released: false }] }, 'target-dates')).toBeUndefined();
  });

  it('counts a generic story or task type for less when nothing about it looks like backlog work yet', () => {
    const bare = fired({ issueType: 'Task' }, 'issue-type');
    const shaped = fired({ issueType: 'Task', storyPoints: 2 }, 'issue-type');
    expect(bare?.weight).toBeLessThan(shaped?.weight ?? 0);
    const research = attributeItem(workItem({ key: 'PAY-8', issueType: 'Task', summary: 'Decide pricing for the enterprise tier', description: 'Market research and competitor analysis feed the roadmap review.' }), { teams });
    expect(research.role).toBe('PM');
  });

  it('does not let a bug that mentions churn or revenue leave the backlog', () => {
    const bug = attributeItem(workItem({ key: 'PAY-9', issueType: 'Bug', hierarchyLevel: 0, summary: 'Checkout crash is costing revenue', description: 'Steps to reproduce: pay with a saved card. Expected result: success. Actual result: crash.' }), { teams });
    expect(bug.role).toBe('PO');
  });

  it('summarises a verdict in one line with its strongest reasons', () => {
    const verdict = attributeItem(workItem({ key: 'PAY-10', issueType: 'Initiative', hierarchyLevel: 2, summary: 'Pricing for SMB', labels: ['pricing'], targetEnd: '2027-06-30' }), { teams });
    const line = describeVerdict(verdict);
    expect(line.startsWith('PM — ')).toBe(true);
    expect(line).toMatch(/Initiative/);
    expect(line.split('; ').length).toBeLessThanOrEqual(3);
  });
});
