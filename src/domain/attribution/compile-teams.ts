import type { TeamProfile } from '../team.js';
import { type CueMatcher, cueMatcher } from './text-cues.js';
import type { SignalId } from './defaults.js';

/**
 * A team's attribution settings turned into lookup tables once, so attributing an item is a
 * handful of map look-ups and two regex scans.
 */
export interface CompiledTeam {
  team: TeamProfile | null;
  weight: (signal: SignalId) => number;
  labelRoles: Map<string, string>;
  componentRoles: Map<string, string>;
  typeOverrides: Record<string, string>;
  /** Cues of the team's extra roles (PMM…). */
  extraRoleMatchers: readonly CueMatcher[];
  /** Overrides the model's `unclear` threshold when set. */
  minConfidence: number | undefined;
  minMargin: number;
  /** Whether the site's learned offsets apply to the team's items (`attribution.learn`). */
  learn: boolean;
}

export interface TeamIndex {
  teams: readonly TeamProfile[];
  compiled: Map<string, CompiledTeam>;
  /** Settings for items no team claims. */
  fallback: CompiledTeam;
}

function lowerMap(record: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
}

function compileTeam(team: TeamProfile | null): CompiledTeam {
  const overrides = team?.attribution;
  const weights = overrides?.weights ?? {};
  return {
    team,
    weight: (signal) => weights[signal] ?? 1,
    labelRoles: lowerMap(overrides?.labels ?? {}),
    componentRoles: lowerMap(overrides?.components ?? {}),
    typeOverrides: overrides?.issueTypes ?? {},
    extraRoleMatchers: (team?.roles ?? []).map((role) => cueMatcher(role.id, role.cues)),
    minConfidence: overrides?.minConfidence,
    minMargin: overrides?.minMargin ?? 0,
    learn: overrides?.learn !== false,
  };
}

export function indexTeams(teams: readonly TeamProfile[]): TeamIndex {
  const index: TeamIndex = {
    teams,
    compiled: new Map(),
    fallback: compileTeam(null),
  };
  for (const team of teams) {
    index.compiled.set(team.id, compileTeam(team));
  }
  return index;
}
