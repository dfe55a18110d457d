import type { Verdict } from './verdict.js';
import type { OwnershipDecision } from './work-item.js';

/** An item that became clear without a decision: its role, the reason that says why, and when. */
export interface Attributed {
  role: string;
  /** The reason people read, e.g. "learned from 14 decisions on this site: label `gtm` → PM (+1.1)". */
  why: string;
  at: string;
}

/** How an item stopped needing an owner decision: someone decided, or attribution became clear. */
export type Resolution = { decision: OwnershipDecision } | { attributed: Attributed };

/**
 * The resolution a fresh verdict stands for: the decision it carries (one read from the Jira
 * issue, say), else the reason that answers the role, what was learned from the site first,
 * since that is what changes verdicts between syncs.
 */
export function resolutionOf(verdict: Verdict, at: Date): Resolution {
  if (verdict.decidedBy) return { decision: { role: verdict.role, decidedBy: verdict.decidedBy.person, decidedAt: verdict.decidedBy.at, source: verdict.decidedBy.source } };
  const forRole = verdict.reasons.filter((r) => r.role === verdict.role);
  const reason = forRole.find((r) => r.signal === 'learned') ?? forRole[0];
  return { attributed: { role: verdict.role, why: reason?.text ?? `the item's Jira fields now point to ${verdict.role}`, at: at.toISOString() } };
}
