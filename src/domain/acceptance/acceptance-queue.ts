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

export function isAwaitingAcceptance(item: WorkItem, team: Pick<TeamProfile, 'acceptance'>): boolean {
  if (item.hierarchyLevel !== null && item.hierarchyLevel > 0) return false;
  const status = item.status.toLowerCase();
  return team.acceptance.statuses.some((s) => s.toLowerCase() === status);
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
