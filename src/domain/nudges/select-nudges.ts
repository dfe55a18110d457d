import type { TeamProfile } from '../team.js';
import { needsAttention, type Verdict } from '../verdict.js';
import { visibleInTeamChannel, visibleInTeamDirectMessage } from '../visibility.js';
import type { WorkItem } from '../work-item.js';
import { isWorkingTime, nextWorkingTime, workingDaysBetween } from '../working-days.js';

/** What was last said about an item, kept by the nudge ledger. */
export interface NudgeRecord {
  /** `role:state` when nudged; a different value later means the situation changed. */
  signature: string;
  firstNudgedAt: string;
  lastNudgedAt: string;
  escalatedAt?: string;
}

export interface NudgeCandidate {
  item: WorkItem;
  verdict: Verdict;
}

export interface NudgePlan {
  teamId: string;
  /** Items to list in this run's single message (oldest first). */
  nudge: NudgeCandidate[];
  /** Items raised once to PO and PM together. */
  escalate: NudgeCandidate[];
  /** Items held back by the daily cap; they come up in the next run. */
  capped: NudgeCandidate[];
  /** Set when it is outside the team's working time: nothing is sent before then. */
  deferUntil?: Date;
  /** Why items were left out, for operators (`PAY-1: cool-down until …`). */
  skipped: string[];
}

export interface NudgeInput {
  team: TeamProfile;
  candidates: readonly NudgeCandidate[];
  ledger: ReadonlyMap<string, NudgeRecord>;
  now: Date;
  /** Nudge items already posted in the team channel today. */
  sentToday?: number;
  /** Jira account of who-owns itself: its own edits never trigger a nudge. */
  botAccountId?: string;
}

export function attentionSignature(verdict: Pick<Verdict, 'role' | 'state'>): string {
  return `${verdict.role}:${verdict.state}`;
}

const DAY_MS = 86_400_000;

/**
 * Decides which items to nudge about in one run. One message per run collapses bursts (a
 * sprint planning that moves 40 items is one message); a cool-down per item, a daily cap and
 * working hours keep the channel usable.
 */
export function selectNudges({ team, candidates, ledger, now, sentToday = 0, botAccountId }: NudgeInput): NudgePlan {
  const plan: NudgePlan = { teamId: team.id, nudge: [], escalate: [], capped: [], skipped: [] };
  if (!team.nudges.enabled) return plan;
  const { nudges } = team;
  const due: NudgeCandidate[] = [];
  for (const candidate of candidates) {
    const { item, verdict } = candidate;
    if (verdict.teamId !== team.id || !needsAttention(verdict)) continue;
    if (nudges.target === 'channel' ? !visibleInTeamChannel(item, team) : !visibleInTeamDirectMessage(item, team)) {
      plan.skipped.push(`${item.key}: not shown in the team ${nudges.target === 'channel' ? 'channel' : 'DMs'} (restricted or another team's project)`);
      continue;
    }
    const record = ledger.get(item.key);
    const signature = attentionSignature(verdict);
    if (record && record.signature === signature) {
      const escalateDue = !record.escalatedAt && workingDaysBetween(new Date(record.firstNudgedAt), now, team.timezone, nudges.workingDays) >= nudges.escalateAfterDays;
      if (escalateDue) plan.escalate.push(candidate);
      const coolUntil = new Date(record.lastNudgedAt).getTime() + nudges.cooldownDays * DAY_MS;
      if (now.getTime() < coolUntil) {
        plan.skipped.push(`${item.key}: cool-down until ${new Date(coolUntil).toISOString()}`);
        continue;
      }
    }
    if (record && botAccountId && item.updatedBy?.accountId === botAccountId && record.signature === signature) {
      plan.skipped.push(`${item.key}: last change was made by who-owns`);
      continue;
    }
    due.push(candidate);
  }
  due.sort((a, b) => a.item.created.localeCompare(b.item.created) || a.item.key.localeCompare(b.item.key));
  if (!isWorkingTime(now, team.timezone, nudges.workingDays, nudges.workingHours)) {
    if (due.length > 0 || plan.escalate.length > 0) plan.deferUntil = nextWorkingTime(now, team.timezone, nudges.workingDays, nudges.workingHours);
    plan.capped = due;
    plan.escalate = [];
    return plan;
  }
  const room = Math.max(0, nudges.dailyCapPerChannel - sentToday);
  plan.nudge = due.slice(0, room);
  plan.capped = due.slice(room);
  return plan;
}

/** The ledger after a plan was delivered. */
export function recordNudges(ledger: ReadonlyMap<string, NudgeRecord>, plan: NudgePlan, now: Date): Map<string, NudgeRecord> {
  const next = new Map(ledger);
  const at = now.toISOString();
  for (const { item, verdict } of plan.nudge) {
    const previous = next.get(item.key);
    const signature = attentionSignature(verdict);
    const same = previous?.signature === signature;
    next.set(item.key, { signature, firstNudgedAt: same && previous ? previous.firstNudgedAt : at, lastNudgedAt: at, ...(same && previous?.escalatedAt ? { escalatedAt: previous.escalatedAt } : {}) });
  }
  for (const { item } of plan.escalate) {
    const previous = next.get(item.key);
    if (previous) next.set(item.key, { ...previous, escalatedAt: at });
  }
  return next;
}
