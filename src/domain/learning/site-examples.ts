import type { CompiledTeam, TeamIndex } from '../attribution/compile-teams.js';
import type { PersonRefLike, TeamProfile } from '../team.js';
import type { Verdict } from '../verdict.js';
import type { OwnershipDecision, Person, WorkItem } from '../work-item.js';
import type { SiteExample } from './fit-site-adjustment.js';

/**
 * Which recorded decisions a site learns from. Only the decision in force per item counts, so a
 * changed decision replaces what the old one taught and one withdrawn to *Not applicable* teaches
 * nothing. Only people the item's team lists (PO, PM, members, extra roles, delegates) teach, and
 * no one person outweighs PERSON_CAP decisions, however many they click.
 */
export interface DecidedItem {
  item: WorkItem;
  /** The decision in force (the latest). */
  decision: OwnershipDecision;
  /** The team the item's verdict names. */
  teamId: string | null;
  parent?: Pick<Verdict, 'key' | 'role'> | undefined;
}

export const PERSON_CAP = 25;

function peopleOf(team: TeamProfile): PersonRefLike[] {
  return [team.po, team.pm, ...team.members, ...team.roles.flatMap((r) => r.people), ...team.acceptance.delegates].filter((p): p is PersonRefLike => Boolean(p));
}

function listed(person: Person, team: TeamProfile): boolean {
  return peopleOf(team).some((ref) => (ref.slack && ref.slack === person.slackId) || (ref.jira && ref.jira === person.accountId) || (ref.email && ref.email === person.email));
}

function personKey(person: Person): string {
  return person.slackId ?? person.accountId ?? person.email ?? '?';
}

export interface SiteExamples {
  examples: SiteExample[];
  people: number;
}

/** The site's training examples from its decided items; `classes` are the model's roles. */
export function siteExamples(decided: readonly DecidedItem[], index: TeamIndex, classes: readonly string[]): SiteExamples {
  const kept: { d: DecidedItem; settings: CompiledTeam; who: string }[] = [];
  for (const d of decided) {
    const settings = d.teamId ? index.compiled.get(d.teamId) : undefined;
    if (!settings?.team || !settings.learn || !classes.includes(d.decision.role)) continue;
    if (!listed(d.decision.decidedBy, settings.team)) continue;
    kept.push({ d, settings, who: personKey(d.decision.decidedBy) });
  }
  const perPerson = new Map<string, number>();
  for (const k of kept) perPerson.set(k.who, (perPerson.get(k.who) ?? 0) + 1);
  const examples = kept
    .sort((a, b) => (a.d.item.key < b.d.item.key ? -1 : a.d.item.key > b.d.item.key ? 1 : 0))
    .map(({ d, settings, who }) => ({ item: d.item, settings, parent: d.parent, role: d.decision.role, weight: Math.min(1, PERSON_CAP / (perPerson.get(who) as number)) }));
  return { examples, people: perPerson.size };
}
