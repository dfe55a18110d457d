import type { TeamProfile } from './team.js';
import type { WorkItem } from './work-item.js';

/**
 * May this item appear in the team's channel? Only items from the projects the team file maps
 * to the team (or its components) and without a Jira security level.
 */
export function visibleInTeamChannel(item: Pick<WorkItem, 'projectKey' | 'components' | 'securityLevel'>, team: Pick<TeamProfile, 'jira'>): boolean {
  if (item.securityLevel) return false;
  if (team.jira.projects.includes(item.projectKey)) return true;
  const components = new Set(team.jira.components.map((c) => c.toLowerCase()));
  return item.components.some((c) => components.has(c.toLowerCase()));
}
