import type { TeamProfile } from '../team.js';
import type { WorkItem } from '../work-item.js';
import type { TeamIndex } from './compile-teams.js';

export interface TeamClaim {
  team: TeamProfile;
  /** How the team claims the item, e.g. `project PAY`, `component Checkout`. */
  via: string[];
  /** Project, board and Team-field claims are direct; a component claim reaches into another team's project. */
  direct: boolean;
}

/** Every team that claims the item, direct claimers first, in team-file order. */
export function teamClaims(item: WorkItem, index: TeamIndex): TeamClaim[] {
  if (index.teams.length === 0) return [];
  const claims = new Map<string, TeamClaim>();
  const add = (team: TeamProfile, via: string, direct: boolean) => {
    const claim = claims.get(team.id);
    if (claim) {
      claim.via.push(via);
      claim.direct ||= direct;
    } else claims.set(team.id, { team, via: [via], direct });
  };
  for (const team of index.byProject.get(item.projectKey) ?? []) add(team, `project ${item.projectKey}`, true);
  for (const board of item.boardIds) for (const team of index.byBoard.get(board) ?? []) add(team, `board ${board}`, true);
  if (item.team) for (const team of index.byTeamField.get(item.team.toLowerCase()) ?? []) add(team, `Team field "${item.team}"`, true);
  for (const component of item.components) {
    for (const team of index.byComponent.get(component.toLowerCase()) ?? []) add(team, `component ${component}`, false);
  }
  return [...claims.values()].sort((a, b) => Number(b.direct) - Number(a.direct));
}
