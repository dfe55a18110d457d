import type { TeamProfile } from '../domain/team.js';
import type { WorkItem } from '../domain/work-item.js';
import type { JiraReader } from '../ports.js';

/**
 * When did each item waiting for acceptance enter its current status? Search results only carry
 * `statuscategorychangedate`, which does not move between two "in progress" statuses (e.g.
 * In Review → Ready for acceptance), so reminders would count from the wrong day. For changed
 * items in a team's acceptance statuses, the status changes (where the site gives them) tell
 * the real moment. Best effort: on failure the category date stays.
 */
export async function withStatusEntry(jira: JiraReader, teams: readonly TeamProfile[], items: WorkItem[]): Promise<WorkItem[]> {
  const acceptance = new Set(teams.flatMap((t) => t.acceptance.statuses.map((s) => s.toLowerCase())));
  const waiting = items.filter((item) => acceptance.has(item.status.toLowerCase()));
  if (waiting.length === 0) return items;
  try {
    const changes = await jira.statusChanges(waiting);
    return items.map((item) => {
      const entries = (changes.get(item.key) ?? []).filter((c) => c.to.toLowerCase() === item.status.toLowerCase());
      const latest = entries.map((c) => c.at).sort((a, b) => Date.parse(a) - Date.parse(b)).at(-1);
      return latest ? { ...item, statusChangedAt: new Date(Date.parse(latest)).toISOString() } : item;
    });
  } catch {
    return items;
  }
}
