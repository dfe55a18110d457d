import type { DigestEntry } from '../../src/domain/digest/build-digest.js';
import type { Verdict } from '../../src/domain/verdict.js';
import { type WorkItem, workItem } from '../../src/domain/work-item.js';
import { aTeam } from '../support/builders.js';

export const NOW = new Date('2026-11-23T08:30:00Z');

export const payments = aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [12], components: [] }, timezone: 'Europe/Berlin' });

function verdict(key: string, role: string, state: Verdict['state']): Verdict {
  return { key, role, confidence: 0.8, state, teamId: 'payments', owners: [], reasons: [] };
}

/** A backlog of `n` items in PAY: most owned, every 7th unclear, every 11th awaiting acceptance, a few roadmap problems. */
export function backlog(n: number): DigestEntry[] {
  const entries: DigestEntry[] = [];
  for (let i = 1; i <= n; i++) {
    const key = `PAY-${i}`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const fields: Partial<WorkItem> = {
      created: `2026-${i % 2 ? '09' : '10'}-${day}T09:00:00.000Z`,
      url: `https://acme.atlassian.net/browse/${key}`,
      statusCategory: 'indeterminate',
    };
    let v = verdict(key, i % 3 ? 'PO' : 'PM', 'owned');
    if (i % 7 === 0) v = verdict(key, 'unclear', i % 14 === 0 ? 'conflict' : 'owned');
    if (i % 11 === 0) Object.assign(fields, { status: 'Ready for Acceptance', statusChangedAt: '2026-11-16T09:00:00.000Z' });
    if (i % 13 === 0) Object.assign(fields, { hierarchyLevel: 1, targetEnd: '2026-11-01' });
    if (i % 17 === 0) fields.securityLevel = 'Internal';
    const item = workItem({ key, summary: `Item ${i} <with> & markup *bold*`, issueType: i % 13 === 0 ? 'Epic' : 'Story', ...fields });
    entries.push({ item, verdict: v });
  }
  return entries;
}
