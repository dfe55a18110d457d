import { attributeItem, toPerson } from '../domain/attribution/attribute-item.js';
import type { PermissionAction } from '../domain/permissions/permission-table.js';
import { type Actor, type PermissionContext, refusalText } from '../domain/permissions/policy.js';
import type { PersonRefLike, TeamProfile } from '../domain/team.js';
import { NOT_APPLICABLE, PM, PO, type Verdict } from '../domain/verdict.js';
import type { OwnershipDecision, Person, WorkItem } from '../domain/work-item.js';
import { DECISION_PROPERTY } from '../jira/jira-source.js';
import type { DecisionStore, EventSink, ItemStore, JiraWriter } from '../ports.js';
import { authorise } from '../permissions/authorise.js';

export type DecisionAction = 'claim' | 'pm' | 'po' | 'none' | 'assign';

export interface DecisionDeps extends PermissionContext {
  store: ItemStore;
  decisions: DecisionStore;
  /** Writes the decision to the Jira issue when the team enables write-back. */
  jira?: JiraWriter;
  now: () => Date;
  /** Told about every recorded decision (nudge and digest messages are edited in place). */
  events?: EventSink;
}

export interface DecisionRequest {
  key: string;
  action: DecisionAction;
  actor: Actor;
  /** For "Assign to…". */
  assigneeSlackId?: string;
}

export type DecisionOutcome =
  | { ok: true; item: WorkItem; verdict: Verdict; decision: OwnershipDecision; warning?: string }
  | { ok: false; reason: string };

function peopleOf(team: TeamProfile): PersonRefLike[] {
  return [team.po, team.pm, ...team.members].filter((p): p is PersonRefLike => Boolean(p));
}

function findPerson(slackId: string, teams: readonly TeamProfile[]): Person {
  for (const team of teams) {
    const ref = [...peopleOf(team), ...team.roles.flatMap((r) => r.people)].find((p) => p.slack === slackId);
    if (ref) return toPerson(ref);
  }
  return { slackId };
}

/** The role a person takes when they claim an item: their seat in the team, else the item's role. */
function roleFor(slackId: string, team: TeamProfile, verdict: Verdict | null): string {
  const isPo = team.po?.slack === slackId;
  const isPm = team.pm?.slack === slackId;
  if (isPo && !isPm) return PO;
  if (isPm && !isPo) return PM;
  return verdict?.role === PM ? PM : PO;
}

const PERMISSION_OF: Record<DecisionAction, PermissionAction> = {
  claim: 'decide-claim',
  pm: 'decide-pm',
  po: 'decide-po',
  none: 'decide-not-applicable',
  assign: 'decide-assign',
};

/**
 * Records a person's ownership decision when the permission policy allows it; a refusal
 * changes nothing. The verdict is recomputed at once, the
 * decision appended to the audit trail and, with write-back on, stored on the Jira issue.
 */
export async function recordDecision(deps: DecisionDeps, request: DecisionRequest): Promise<DecisionOutcome> {
  const [item, verdict] = await Promise.all([deps.store.getItem(request.key), deps.store.getVerdict(request.key)]);
  if (!item) return { ok: false, reason: `${request.key} is not in who-owns' store (not synced yet, or no longer in Jira).` };
  const permission = authorise(PERMISSION_OF[request.action], request.actor, { item, verdictTeamId: verdict?.teamId ?? null }, deps);
  if (!permission.allowed) return { ok: false, reason: refusalText(permission) };
  const team = deps.teams.find((t) => t.id === verdict?.teamId) ?? permission.team;
  const decidedBy = findPerson(request.actor.slackId, deps.teams);
  let role: string;
  let owner: Person | undefined;
  switch (request.action) {
    case 'claim':
      role = roleFor(request.actor.slackId, team, verdict);
      owner = decidedBy;
      break;
    case 'assign':
      if (!request.assigneeSlackId) return { ok: false, reason: 'Pick a person to assign the item to.' };
      role = roleFor(request.assigneeSlackId, team, verdict);
      owner = findPerson(request.assigneeSlackId, deps.teams);
      break;
    case 'pm':
      role = PM;
      break;
    case 'po':
      role = PO;
      break;
    case 'none':
      role = NOT_APPLICABLE;
      break;
  }
  const decision: OwnershipDecision = { role, decidedBy, decidedAt: deps.now().toISOString(), source: 'slack', ...(owner ? { owner } : {}) };
  await deps.decisions.record(item.key, decision);
  const parent = item.parentKey ? await deps.store.getVerdict(item.parentKey) : null;
  const next = attributeItem(item, { teams: deps.teams, decision, ...(parent ? { parent } : {}) });
  await deps.store.putVerdicts([next]);
  let warning: string | undefined;
  if (team.writeBack && deps.jira) {
    try {
      await deps.jira.setProperty(item.key, DECISION_PROPERTY, decision);
    } catch (error) {
      warning = `Saved in who-owns, but Jira refused to store it on the issue: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  await deps.events?.emit('decisionRecorded', { key: item.key, decision });
  return { ok: true, item, verdict: next, decision, ...(warning ? { warning } : {}) };
}
