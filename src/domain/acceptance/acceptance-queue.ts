import type { TeamProfile } from '../team.js';
import type { WorkItem } from '../work-item.js';
import { workingDaysBetween } from '../working-days.js';

/**
 * Finished work waiting for the Product Owner: items of a team in one of its "awaiting
 * acceptance" statuses, oldest first, with how long they have waited in working days.
 */
export interface AcceptanceEntry {
  item: WorkItem;
  /** When the item entered its waiting status (changelog, else status-category change, else last update). */
  waitingSince: string;
  workingDaysWaiting: number;
}

/** A status change history entry, as read from Jira's changelog. */
export interface StatusChange {
  at: string;
  to: string;
}

/** The statuses that wait for the PO when a team file names none (and for items no team claims). */
export const DEFAULT_ACCEPTANCE_STATUSES: readonly string[] = ['Ready for acceptance', 'Awaiting acceptance', 'In Review', 'Resolved'];

const lowered = new WeakMap<readonly string[], ReadonlySet<string>>();
function statusSet(statuses: readonly string[]): ReadonlySet<string> {
  let set = lowered.get(statuses);
  if (!set) {
    set = new Set(statuses.map((s) => s.toLowerCase()));
    lowered.set(statuses, set);
  }
  return set;
}

/**
 * Does the item wait for the PO's acceptance? It sits in one of the team's acceptance
 * statuses and is a story or below: an initiative or epic in a done-like status is not
 * finished work to accept.
 */
export function isAwaitingAcceptance(item: Pick<WorkItem, 'status' | 'hierarchyLevel'>, team: Pick<TeamProfile, 'acceptance'> | null): boolean {
  if (item.hierarchyLevel !== null && item.hierarchyLevel > 0) return false;
  return statusSet(team?.acceptance.statuses ?? DEFAULT_ACCEPTANCE_STATUSES).has(item.status.toLowerCase());
}

/** The last time the item moved into its current status, from its status changes. */
export function enteredCurrentStatus(item: WorkItem, changes: readonly StatusChange[] = []): string {
  const status = item.status.toLowerCase();
  const entries = changes.filter((c) => c.to.toLowerCase() === status).sort((a, b) => a.at.localeCompare(b.at));
  return entries.at(-1)?.at ?? item.statusChangedAt ?? item.updated;
}

export function buildAcceptanceQueue(
  items: readonly WorkItem[],
  team: Pick<TeamProfile, 'acceptance' | 'timezone'>,
  now: Date,
  statusChanges: ReadonlyMap<string, readonly StatusChange[]> = new Map(),
): AcceptanceEntry[] {
  if (!team.acceptance.enabled) return [];
  return items
    .filter((item) => isAwaitingAcceptance(item, team))
    .map((item) => {
      const waitingSince = enteredCurrentStatus(item, statusChanges.get(item.key));
      const since = new Date(waitingSince);
      const workingDaysWaiting = Number.isNaN(since.getTime()) ? 0 : workingDaysBetween(since, now, team.timezone, team.acceptance.workingDays);
      return { item, waitingSince, workingDaysWaiting };
    })
    .sort((a, b) => b.workingDaysWaiting - a.workingDaysWaiting || a.waitingSince.localeCompare(b.waitingSince));
}

/** Entries that have waited long enough to be raised in the team channel. */
export function overdueEntries(queue: readonly AcceptanceEntry[], team: Pick<TeamProfile, 'acceptance'>): AcceptanceEntry[] {
  return queue.filter((e) => e.workingDaysWaiting > team.acceptance.escalateAfterDays);
}
