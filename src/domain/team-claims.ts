import type { TeamProfile } from './team.js';
import type { WorkItem } from './work-item.js';

/**
 * Which teams of the team file claim an item, and how: by its project, a board it is on or
 * its Team field (direct claims), or one of its components (a claim that reaches into another
 * team's project). Attribution, visibility, permissions and the acceptance queue all ask here.
 */
export type ClaimedItem = Pick<WorkItem, 'projectKey' | 'boardIds' | 'team' | 'components'>;

export interface TeamClaim {
  team: TeamProfile;
  /** How the team claims the item, e.g. `project PAY`, `component Checkout`. */
  via: string[];
  /** Project, board and Team-field claims are direct; a component claim reaches into another team's project. */
  direct: boolean;
}

/** How one team claims the item (`via`, `direct`), or null when it does not. */
export function claimOf(item: ClaimedItem, team: Pick<TeamProfile, 'jira'>): Omit<TeamClaim, 'team'> | null {
  const { jira } = team;
  const via: string[] = [];
  if (jira.projects.includes(item.projectKey)) via.push(`project ${item.projectKey}`);
  for (const board of item.boardIds) if (jira.boards.includes(board)) via.push(`board ${board}`);
  if (item.team && jira.teamField && item.team.toLowerCase() === jira.teamField.toLowerCase()) via.push(`Team field "${item.team}"`);
  const direct = via.length > 0;
  for (const component of item.components) {
    const lower = component.toLowerCase();
    if (jira.components.some((c) => c.toLowerCase() === lower)) via.push(`component ${component}`);
  }
  return via.length > 0 ? { via, direct } : null;
}

/** Every team that claims the item, direct claimers first, in team-file order. */
export function teamClaims(item: ClaimedItem, teams: readonly TeamProfile[]): TeamClaim[] {
  const claims: TeamClaim[] = [];
  for (const team of teams) {
    const claim = claimOf(item, team);
    if (claim) claims.push({ team, ...claim });
  }
  return claims.sort((a, b) => Number(b.direct) - Number(a.direct));
}

/** The teams that claim the item, direct claimers first. */
export function claimingTeams(item: ClaimedItem, teams: readonly TeamProfile[]): TeamProfile[] {
  return teamClaims(item, teams).map((c) => c.team);
}

/**
 * The item's own team: the first that claims it. Its verdict names this team, the item waits
 * in this team's acceptance queue, and this team's PO accepts it.
 */
export function itemTeam(item: ClaimedItem, teams: readonly TeamProfile[]): TeamProfile | null {
  return teamClaims(item, teams)[0]?.team ?? null;
}
