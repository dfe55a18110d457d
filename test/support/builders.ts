import { Team } from '../../config/schema.js';
import type { TeamProfile } from '../../src/domain/team.js';

/** A team as the config schema would produce it, defaults filled, with overrides on top. */
export function aTeam(overrides: Partial<TeamProfile> & Pick<TeamProfile, 'id' | 'name' | 'jira'>): TeamProfile {
  const parsed = Team.parse({
    id: overrides.id,
    name: overrides.name,
    jira: overrides.jira,
    po: { slack: 'U0PRIYA01', jira: '712020:priya-nair', name: 'Priya Nair' },
    pm: { slack: 'U0MARCO02', jira: '712020:marco-rossi', name: 'Marco Rossi' },
    channel: 'C0PAYMENTS',
  });
  return { ...parsed, ...overrides };
}
