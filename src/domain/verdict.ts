import type { Person } from './work-item.js';

/** Built-in roles; teams may configure more (e.g. `PMM`, product marketing manager). */
export const PO = 'PO';
export const PM = 'PM';
export const UNCLEAR = 'unclear';

/** `PO`, `PM`, a configured role id, or `unclear`. */
export type RoleId = string;

export type OwnershipState =
  /** A role is attributed and someone holds it. */
  | 'owned'
  /** The role is vacant in the team file, or a decision said "nobody". */
  | 'unowned'
  /** No team or rule claims the item. */
  | 'unmatched'
  /** Two teams, or two people for one role, claim it. */
  | 'conflict';

export interface Evidence {
  /** Jira field the signal read, e.g. `issuetype`, `labels`, `description`. */
  field: string;
  value: string;
}

export interface Reason {
  /** Stable signal id, e.g. `hierarchy`, `sprint`, `text-cue`. */
  signal: string;
  /** The role this signal speaks for. */
  role: RoleId;
  /** Contribution to that role's score. */
  weight: number;
  evidence: Evidence;
  /** One human sentence: "in active sprint “Sprint 42”". */
  text: string;
}

export interface Verdict {
  key: string;
  role: RoleId;
  confidence: number;
  state: OwnershipState;
  /** Team that claims the item (null when unmatched). */
  teamId: string | null;
  /** People accountable for the role, when known. */
  owners: Person[];
  /** Strongest first. */
  reasons: Reason[];
  /** Present when a recorded decision overrode the rules. */
  decidedBy?: { person: Person; at: string; source: 'slack' | 'jira-property' };
}

/** Role of a decision that says the item needs no owner ("Not applicable"). */
export const NOT_APPLICABLE = 'none';

/**
 * The state as a table shows it: an `unclear` item in a staffed team is not "owned" by anyone
 * yet, so it shows none; unowned, unmatched and conflict still say what else is wrong.
 */
export function shownState(verdict: Pick<Verdict, 'role' | 'state'>): string {
  return verdict.role === UNCLEAR && verdict.state === 'owned' ? '—' : verdict.state;
}

/** States that call for a person's attention; an item declared "not applicable" never does. */
export function needsAttention(verdict: Pick<Verdict, 'role' | 'state'>): boolean {
  if (verdict.role === NOT_APPLICABLE) return false;
  return verdict.role === UNCLEAR || verdict.state !== 'owned';
}
