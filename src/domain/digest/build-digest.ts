import type { AcceptanceEntry } from '../acceptance/acceptance-queue.js';
import type { SuggestedRule } from '../learning/suggest-rules.js';
import type { TeamProfile } from '../team.js';
import { needsAttention, PM, UNCLEAR, type Verdict } from '../verdict.js';
import { visibleInTeamChannel } from '../visibility.js';
import type { OwnershipDecision, Person, WorkItem } from '../work-item.js';
import type { DigestTotals } from './digest-edits.js';

export interface DigestEntry {
  item: WorkItem;
  verdict: Verdict;
}

export interface RoadmapIssue {
  item: WorkItem;
  problem: 'no-pm' | 'target-passed' | 'release-passed' | 'orphan-epic';
  detail: string;
}

export interface WeeklyDigest {
  teamId: string;
  teamName: string;
  /** ISO week, e.g. 2026-W48. */
  week: string;
  /** When the digest was built (ISO); ages are counted to it. */
  asOf?: string;
  /** Counts by role (`PO`, `PM`, `unclear`…) and by state. */
  balance: { byRole: Record<string, number>; byState: Record<string, number>; total: number };
  /** Change of each role count since last week's digest, when known. */
  change?: Record<string, number>;
  attention: DigestEntry[];
  acceptance: AcceptanceEntry[];
  roadmap: RoadmapIssue[];
  resolved: { key: string; decision: OwnershipDecision }[];
  allClear: boolean;
  /** Full section sizes when the lists were cut (see shrinkDigest). */
  totals?: DigestTotals;
  /** Items resolved since the digest was posted: key → the role, and who decided it or why it is now clear. */
  ticked?: Record<string, { role: string; by?: Person; why?: string }>;
  /** Rules the team's decisions already follow, offered once to adopt. */
  suggestions?: SuggestedRule[];
}

export interface DigestInput {
  team: TeamProfile;
  entries: readonly DigestEntry[];
  acceptance: readonly AcceptanceEntry[];
  now: Date;
  week: string;
  lastWeekByRole?: Record<string, number>;
  /** Decisions recorded since the last digest. */
  decisions?: readonly { key: string; decision: OwnershipDecision }[];
}

function isDone(item: WorkItem): boolean {
  return item.statusCategory === 'done';
}

function roadmapIssues(entries: readonly DigestEntry[], now: Date): RoadmapIssue[] {
  const today = now.toISOString().slice(0, 10);
  const roleOf = new Map(entries.map((e) => [e.item.key, e.verdict.role]));
  const issues: RoadmapIssue[] = [];
  for (const { item, verdict } of entries) {
    if ((item.hierarchyLevel ?? 0) < 1 || isDone(item)) continue;
    if (verdict.role === PM && verdict.state === 'unowned') issues.push({ item, problem: 'no-pm', detail: 'roadmap item without a PM' });
    if (item.targetEnd && item.targetEnd < today) issues.push({ item, problem: 'target-passed', detail: `target end ${item.targetEnd} has passed` });
    const late = item.fixVersions.find((v) => !v.released && v.releaseDate && v.releaseDate < today);
    if (late) issues.push({ item, problem: 'release-passed', detail: `release “${late.name}” was due ${late.releaseDate}` });
    if (item.hierarchyLevel === 1 && verdict.role !== PM && (!item.parentKey || roleOf.get(item.parentKey) !== PM)) {
      issues.push({ item, problem: 'orphan-epic', detail: item.parentKey ? `parent ${item.parentKey} is not PM-owned` : 'epic under no initiative' });
    }
  }
  return issues;
}

/**
 * The weekly digest's content for one team: what needs attention first, then the acceptance
 * queue, roadmap health and what was resolved. Only items the team channel may show.
 */
export function buildWeeklyDigest(input: DigestInput): WeeklyDigest {
  const { team } = input;
  const visible = input.entries.filter((e) => e.verdict.teamId === team.id && visibleInTeamChannel(e.item, team));
  const byRole: Record<string, number> = {};
  const byState: Record<string, number> = {};
  for (const { verdict } of visible) {
    byRole[verdict.role] = (byRole[verdict.role] ?? 0) + 1;
    byState[verdict.state] = (byState[verdict.state] ?? 0) + 1;
  }
  const attention = visible
    .filter((e) => needsAttention(e.verdict) && !isDone(e.item))
    .sort((a, b) => a.item.created.localeCompare(b.item.created));
  const acceptance = input.acceptance.filter((a) => visibleInTeamChannel(a.item, team));
  const roadmap = roadmapIssues(visible, input.now);
  const resolved = (input.decisions ?? []).filter((d) => visible.some((e) => e.item.key === d.key));
  const change = input.lastWeekByRole
    ? Object.fromEntries([...new Set([...Object.keys(byRole), ...Object.keys(input.lastWeekByRole)])].map((role) => [role, (byRole[role] ?? 0) - (input.lastWeekByRole?.[role] ?? 0)]))
    : undefined;
  return {
    teamId: team.id,
    teamName: team.name,
    week: input.week,
    asOf: input.now.toISOString(),
    balance: { byRole, byState, total: visible.length },
    ...(change ? { change } : {}),
    attention,
    acceptance,
    roadmap,
    resolved,
    allClear: attention.length === 0 && acceptance.length === 0 && roadmap.length === 0,
  };
}

export const ROLE_LABELS: Record<string, string> = { PO: 'PO', PM: 'PM', [UNCLEAR]: 'unclear', none: 'n/a' };
