import { needsAttention, type Verdict } from './verdict.js';

/** What fresh verdicts changed for the people of each team, against the verdicts stored before. */
export interface AttentionChanges {
  /** Team → keys that newly need attention (the team's nudges react). */
  needAttention: Map<string, string[]>;
  /** Team → verdicts of items that needed attention and no longer do (nudge and digest lines are edited). */
  resolved: Map<string, Verdict[]>;
}

function add<T>(map: Map<string, T[]>, team: string, value: T): void {
  map.set(team, [...(map.get(team) ?? []), value]);
}

/**
 * Sorts the changes a sync or a refit made: an item newly needs attention when it did not for
 * the same team before; it is resolved when it needed attention and now has a clear verdict or
 * a decision, filed under the team whose people were asked about it.
 */
export function attentionChanges(before: ReadonlyMap<string, Verdict>, after: readonly Verdict[]): AttentionChanges {
  const changes: AttentionChanges = { needAttention: new Map(), resolved: new Map() };
  for (const verdict of after) {
    const previous = before.get(verdict.key);
    if (needsAttention(verdict)) {
      if (verdict.teamId && !(previous && previous.teamId === verdict.teamId && needsAttention(previous))) add(changes.needAttention, verdict.teamId, verdict.key);
      continue;
    }
    const team = previous && needsAttention(previous) ? (previous.teamId ?? verdict.teamId) : null;
    if (team) add(changes.resolved, team, verdict);
  }
  return changes;
}
