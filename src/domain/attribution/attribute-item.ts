import type { PersonRefLike, TeamProfile } from '../team.js';
import { NOT_APPLICABLE, type OwnershipState, PM, PO, type Reason, UNCLEAR, type Verdict } from '../verdict.js';
import type { OwnershipDecision, Person, WorkItem } from '../work-item.js';
import { indexTeams, type TeamIndex } from './compile-teams.js';
import { type AttributionModel, loadModel, type ModelFile } from './model.js';
import shippedModel from './model/attribution-model.json' with { type: 'json' };
import { modelAnswer } from './model-verdict.js';
import { type TeamClaim, teamClaims } from '../team-claims.js';
import type { SiteAdjustment } from '../learning/site-adjustment.js';


export interface AttributionContext {
  teams: readonly TeamProfile[] | TeamIndex;
  /** The parent's verdict, when already attributed (attributeAll passes it). */
  parent?: Pick<Verdict, 'key' | 'role'>;
  /** A decision recorded in Slack; overrides one stored on the item. */
  decision?: OwnershipDecision | null;
  /** The attribution model; the one shipped with this build unless given (training, evaluation). */
  model?: AttributionModel;
  /** What the site's decisions taught (see src/domain/learning). */
  adjustment?: SiteAdjustment | null;
}

/** The model `npm run train` fitted on the real labelled corpus (test/fixtures/eval-real). */
export const SHIPPED_MODEL: AttributionModel = loadModel(shippedModel as ModelFile);

export function toPerson(ref: PersonRefLike): Person {
  const person: Person = {};
  if (ref.slack) person.slackId = ref.slack;
  if (ref.jira) person.accountId = ref.jira;
  if (ref.email) person.email = ref.email;
  if (ref.name) person.displayName = ref.name;
  return person;
}

function samePerson(a: Person, b: Person): boolean {
  return Boolean((a.slackId && a.slackId === b.slackId) || (a.accountId && a.accountId === b.accountId) || (a.email && a.email === b.email));
}

/** A person from a decision, completed with their Slack id and name from the team file when listed there. */
function knownPerson(person: Person, teams: readonly TeamProfile[]): Person {
  for (const team of teams) {
    for (const ref of [team.po, team.pm, ...team.members, ...team.roles.flatMap((r) => r.people)]) {
      if (ref && samePerson(toPerson(ref), person)) return { ...toPerson(ref), ...person };
    }
  }
  return person;
}

/** Who holds a role in a team: [] when vacant, undefined when the role is unknown to the team. */
function holders(team: TeamProfile, role: string): Person[] | null {
  if (role === PO) return team.po ? [toPerson(team.po)] : null;
  if (role === PM) return team.pm ? [toPerson(team.pm)] : null;
  const extra = team.roles.find((r) => r.id === role);
  return extra && extra.people.length > 0 ? extra.people.map(toPerson) : null;
}

function decisionReason(decision: OwnershipDecision): Reason {
  const who = decision.decidedBy.displayName ?? (decision.decidedBy.slackId ? `<@${decision.decidedBy.slackId}>` : decision.decidedBy.accountId ?? 'someone');
  const role = decision.role === NOT_APPLICABLE ? 'not applicable' : decision.role;
  return {
    signal: 'decision',
    role: decision.role,
    weight: Number.POSITIVE_INFINITY,
    evidence: { field: decision.source === 'slack' ? 'slack decision' : 'issue property who-owns.decision', value: role },
    text: `decided by ${who} on ${decision.decidedAt.slice(0, 10)}: ${role}`,
  };
}

function stateFor(role: string, claims: readonly TeamClaim[], owners: Person[] | null): OwnershipState {
  if (claims.length === 0) return 'unmatched';
  if (claims.length > 1) return 'conflict';
  if (role === UNCLEAR) return 'owned';
  if (!owners || owners.length === 0) return 'unowned';
  if (owners.length > 1 && !owners.every((o) => samePerson(o, owners[0] as Person))) return 'conflict';
  return 'owned';
}

const indexCache = new WeakMap<readonly TeamProfile[], TeamIndex>();

export function teamIndexOf(teams: readonly TeamProfile[] | TeamIndex): TeamIndex {
  if (!Array.isArray(teams)) return teams as TeamIndex;
  const list = teams as readonly TeamProfile[];
  let index = indexCache.get(list);
  if (!index) {
    index = indexTeams(list);
    indexCache.set(list, index);
  }
  return index;
}

/** Decides who owns an item. Pure: the same item, teams and decision give the same verdict. */
export function attributeItem(item: WorkItem, context: AttributionContext): Verdict {
  const index = teamIndexOf(context.teams);
  const claims = teamClaims(item, index.teams);
  const primary = claims[0]?.team ?? null;
  const settings = primary ? (index.compiled.get(primary.id) ?? index.fallback) : index.fallback;
  const answer = modelAnswer(context.model ?? SHIPPED_MODEL, item, settings, context.parent, context.adjustment);
  const reasons = answer.reasons;

  const claimReason: Reason[] =
    claims.length > 1
      ? [{ signal: 'team-claim', role: UNCLEAR, weight: 0, evidence: { field: 'team', value: claims.map((c) => c.team.id).join(', ') }, text: `claimed by ${claims.map((c) => `${c.team.name} (${c.via.join(', ')})`).join(' and ')}` }]
      : claims.length === 0
        ? [{ signal: 'team-claim', role: UNCLEAR, weight: 0, evidence: { field: 'project', value: item.projectKey }, text: `no team in the team file claims project ${item.projectKey}${item.components.length ? ` or components ${item.components.join(', ')}` : ''}` }]
        : [];

  const decision = context.decision ?? item.decision;
  if (decision) {
    const notApplicable = decision.role === NOT_APPLICABLE;
    const owners = notApplicable ? [] : decision.owner ? [knownPerson(decision.owner, index.teams)] : primary ? holders(primary, decision.role) : null;
    return {
      key: item.key,
      role: decision.role,
      confidence: 1,
      state: notApplicable ? 'unowned' : claims.length === 0 ? 'unmatched' : !owners || owners.length === 0 ? 'unowned' : 'owned',
      teamId: primary?.id ?? null,
      owners: owners ?? [],
      reasons: [decisionReason(decision), ...claimReason, ...reasons],
      decidedBy: { person: decision.decidedBy, at: decision.decidedAt, source: decision.source },
    };
  }

  const { role, confidence } = answer;
  const owners = primary && role !== UNCLEAR ? holders(primary, role) : null;
  const first = reasons[0];
  // The margin's "not sure enough" stays the first thing a reader sees.
  const ordered = claimReason.length === 0 ? reasons : first?.signal === 'margin' ? [first, ...claimReason, ...reasons.slice(1)] : [...claimReason, ...reasons];
  return {
    key: item.key,
    role,
    confidence,
    state: stateFor(role, claims, owners),
    teamId: primary?.id ?? null,
    owners: owners ?? [],
    reasons: ordered,
  };
}
