import type { TeamProfile } from '../domain/team.js';
import { shownState, UNCLEAR, type Verdict } from '../domain/verdict.js';
import type { WorkItem } from '../domain/work-item.js';
import { textTable } from './text-table.js';

export interface OwnershipRow {
  item: WorkItem;
  verdict: Verdict;
}

function ownerName(verdict: Verdict): string {
  if (verdict.owners.length === 0) return verdict.state === 'unowned' ? '(vacant)' : '—';
  return verdict.owners.map((p) => p.displayName ?? p.slackId ?? p.accountId ?? p.email ?? '?').join(', ');
}

function roleCell(verdict: Verdict): string {
  return verdict.role === UNCLEAR ? 'unclear' : verdict.role;
}

/** Ownership per team: counts by role and state, then every item, roadmap first. */
export function renderOwnershipTables(rows: readonly OwnershipRow[], teams: readonly TeamProfile[]): string {
  const sections: string[] = [];
  const groups = new Map<string | null, OwnershipRow[]>();
  for (const row of rows) {
    const teamId = row.verdict.teamId;
    groups.set(teamId, [...(groups.get(teamId) ?? []), row]);
  }
  const order: (string | null)[] = [...teams.map((t) => t.id), null];
  for (const teamId of order) {
    const teamRows = groups.get(teamId);
    if (!teamRows?.length) continue;
    const team = teams.find((t) => t.id === teamId);
    const title = team ? `${team.name} (${team.id})` : 'Claimed by no team';
    const count = (pred: (v: Verdict) => boolean) => teamRows.filter((r) => pred(r.verdict)).length;
    const summary = [
      `PO ${count((v) => v.role === 'PO')}`,
      `PM ${count((v) => v.role === 'PM')}`,
      `unclear ${count((v) => v.role === UNCLEAR)}`,
      `unowned ${count((v) => v.state === 'unowned')}`,
      `conflict ${count((v) => v.state === 'conflict')}`,
      `unmatched ${count((v) => v.state === 'unmatched')}`,
    ].join(' · ');
    const sorted = [...teamRows].sort(
      (a, b) => (b.item.hierarchyLevel ?? 0) - (a.item.hierarchyLevel ?? 0) || a.item.key.localeCompare(b.item.key, 'en', { numeric: true }),
    );
    const table = textTable(
      ['KEY', 'TYPE', 'SUMMARY', 'ROLE', 'STATE', 'CONF', 'OWNER', 'WHY'],
      sorted.map(({ item, verdict }) => [
        item.key,
        item.issueType,
        item.summary,
        roleCell(verdict),
        shownState(verdict),
        verdict.confidence.toFixed(2),
        ownerName(verdict),
        verdict.reasons[0]?.text ?? '',
      ]),
      [9, 10, 38, 7, 9, 4, 14, 40],
    );
    sections.push(`${title} — ${teamRows.length} items: ${summary}\n\n${table}`);
  }
  return sections.join('\n\n');
}
