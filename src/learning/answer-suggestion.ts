import { type Actor, type PermissionContext, refusalText } from '../domain/permissions/policy.js';
import { describeRule } from '../domain/learning/suggest-rules.js';
import type { EventSink, LearnedState } from '../ports.js';
import { authorise } from '../permissions/authorise.js';

export interface AnswerDeps extends PermissionContext {
  learned: Pick<LearnedState, 'answer'>;
  now: () => Date;
  /** Told about an adopted rule: the next refit applies it. */
  events?: EventSink;
}

/**
 * *Make it a rule* / *No* on a suggestion in the digest, when the permission policy allows it:
 * the team's PO or PM. The answer is kept with who gave it, as a decision is. An adopted rule
 * applies like a team-file map from the next refit on; a declined one is never offered again;
 * a suggestion is answered once.
 */
export async function answerSuggestion(deps: AnswerDeps, request: { id: string; adopt: boolean; actor: Actor }): Promise<string> {
  const teamId = request.id.slice(0, Math.max(0, request.id.indexOf(':')));
  const permission = authorise('adopt-rule', request.actor, { item: { key: 'this suggested rule', projectKey: '', boardIds: [], team: null, components: [], securityLevel: null }, verdictTeamId: teamId }, deps);
  if (!permission.allowed) return `:no_entry: ${refusalText(permission)}`;
  const rule = await deps.learned.answer(request.id, { adopted: request.adopt, decidedBy: { slackId: request.actor.slackId }, decidedAt: deps.now().toISOString() });
  if (!rule) return 'This suggestion was answered already; nothing was changed.';
  if (!request.adopt) return `:ok_hand: ${describeRule(rule)} stays a suggestion no more: it will not be offered again.`;
  await deps.events?.emit('ruleAdopted', { id: rule.id });
  return `:white_check_mark: ${describeRule(rule)} is now a rule for ${permission.team.name}: items with it are attributed to ${rule.role}, as a team-file map would.`;
}
