import type { SiteExample } from './fit-site-adjustment.js';

/**
 * Rules the team's decisions already follow: when at least MIN_AGREEING decided items with one
 * label, issue type or component all went to one role, and the team file maps nothing for it,
 * the digest offers to make it a rule. One dissenting decision and there is no rule to offer.
 */
export type RuleKind = 'label' | 'issue-type' | 'component';

export interface SuggestedRule {
  /** `team:kind:value` (value lower-cased): what an answer to the offer is remembered by. */
  id: string;
  teamId: string;
  kind: RuleKind;
  /** As written on the items. */
  value: string;
  role: string;
  decisions: number;
}

export const MIN_AGREEING = 5;

export function ruleId(teamId: string, kind: RuleKind, value: string): string {
  return `${teamId}:${kind}:${value.trim().toLowerCase()}`;
}

const KIND_NAMES: Record<RuleKind, string> = { label: 'label', 'issue-type': 'issue type', component: 'component' };

/** "label `gtm` → PM" */
export function describeRule(rule: Pick<SuggestedRule, 'kind' | 'value' | 'role'>): string {
  return `${KIND_NAMES[rule.kind]} \`${rule.value}\` → ${rule.role}`;
}

/** Suggestions from the site's examples, leaving out ids already answered (`answered`). */
export function suggestRules(examples: readonly SiteExample[], answered: ReadonlySet<string>): SuggestedRule[] {
  const groups = new Map<string, { teamId: string; kind: RuleKind; value: string; roles: Set<string>; count: number }>();
  for (const e of examples) {
    const team = e.settings.team;
    if (!team) continue;
    const configured = (kind: RuleKind, value: string) => {
      const lower = value.trim().toLowerCase();
      if (kind === 'label') return e.settings.labelRoles.has(lower);
      if (kind === 'component') return e.settings.componentRoles.has(lower);
      return Object.keys(e.settings.typeOverrides).some((t) => t.trim().toLowerCase() === lower);
    };
    const values: [RuleKind, string][] = [['issue-type', e.item.issueType], ...e.item.labels.map((l): [RuleKind, string] => ['label', l]), ...e.item.components.map((c): [RuleKind, string] => ['component', c])];
    for (const [kind, value] of values) {
      const id = ruleId(team.id, kind, value);
      if (answered.has(id) || configured(kind, value)) continue;
      const group = groups.get(id) ?? { teamId: team.id, kind, value, roles: new Set<string>(), count: 0 };
      group.roles.add(e.role);
      group.count++;
      groups.set(id, group);
    }
  }
  const rules: SuggestedRule[] = [];
  for (const [id, g] of groups) {
    if (g.count >= MIN_AGREEING && g.roles.size === 1) rules.push({ id, teamId: g.teamId, kind: g.kind, value: g.value, role: [...g.roles][0] as string, decisions: g.count });
  }
  return rules.sort((a, b) => b.decisions - a.decisions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
