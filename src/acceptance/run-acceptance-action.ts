import { type Actor, type PermissionContext, refusalText } from '../domain/permissions/policy.js';
import type { TeamProfile } from '../domain/team.js';
import type { AcceptanceState, ItemStore, JiraWriter } from '../ports.js';
import { authorise } from '../permissions/authorise.js';

export interface AcceptanceActionDeps extends PermissionContext {
  items: ItemStore;
  state: AcceptanceState;
  jira: JiraWriter;
}

/**
 * `handled` is what the reminder shows for the item once it is done, e.g. "✅ accepted by
 * Priya Nair"; `team` is the item's own team, whose reminder lists it.
 */
export type ActionOutcome = { ok: true; message: string; handled: string; team: TeamProfile } | { ok: false; message: string };

function nameOf(team: TeamProfile, slackId: string): string {
  const person = [team.po, ...team.acceptance.delegates].find((p) => p?.slack === slackId);
  return person?.name ?? `Slack user ${slackId}`;
}

/**
 * Accept or send back a finished item: asks the permission policy (no Jira call for anyone else),
 * takes a short lock so double clicks and concurrent clicks transition once, runs the team's
 * transition by name and comments why. If Jira refuses, its reason comes back and the item
 * stays in the queue.
 */
export async function runAcceptanceAction(
  deps: AcceptanceActionDeps,
  request: { key: string; actor: Actor; action: 'accept' | 'reject'; reason?: string },
): Promise<ActionOutcome> {
  const item = await deps.items.getItem(request.key);
  if (!item) return { ok: false, message: `${request.key} is not in who-owns' store any more.` };
  const permission = authorise(request.action, request.actor, { item }, deps);
  if (!permission.allowed) return { ok: false, message: refusalText(permission) };
  const team = permission.team;
  if (request.action === 'reject' && !request.reason?.trim()) return { ok: false, message: 'Say what is missing, so the team knows what to do.' };
  if (!(await deps.state.lock(item.key))) return { ok: false, message: `${item.key} is already being handled.` };
  try {
    const earlier = await deps.state.handled(item.key);
    if (earlier) return { ok: true, message: `${item.key} was already handled: ${earlier}`, handled: earlier, team };
    const wanted = request.action === 'accept' ? team.acceptance.acceptTransition : team.acceptance.rejectTransition;
    let transitions: { id: string; name: string; to: string }[];
    try {
      transitions = await deps.jira.listTransitions(item.key);
    } catch (error) {
      return { ok: false, message: `Jira did not answer: ${error instanceof Error ? error.message : String(error)}. ${item.key} stays in your list.` };
    }
    const transition = transitions.find((t) => t.name.toLowerCase() === wanted.toLowerCase());
    if (!transition) {
      return {
        ok: false,
        message: `${item.key} has no “${wanted}” transition in its current status (available: ${transitions.map((t) => t.name).join(', ') || 'none'}). The workflow may have changed or the item moved on; it stays in your list.`,
      };
    }
    const who = nameOf(team, request.actor.slackId);
    try {
      await deps.jira.transition(item.key, transition.id);
    } catch (error) {
      return { ok: false, message: `Jira refused: ${error instanceof Error ? error.message : String(error)}. ${item.key} stays in your list.` };
    }
    const comment = request.action === 'accept' ? `Accepted by ${who} via Slack.` : `Sent back by ${who} via Slack: ${request.reason?.trim()}`;
    let note = '';
    try {
      await deps.jira.addComment(item.key, comment);
    } catch {
      note = ' (the comment could not be added)';
    }
    const outcome = request.action === 'accept' ? `✅ accepted by ${who}` : `↩️ sent back by ${who}`;
    await deps.state.markHandled(item.key, outcome);
    // The store follows at once (the next sync confirms): the item leaves the acceptance queue.
    await deps.items.putItems([{ ...item, status: transition.to || item.status }]);
    const verdict = await deps.items.getVerdict(item.key);
    if (verdict) await deps.items.putVerdicts([verdict]);
    return { ok: true, message: `${item.key} ${request.action === 'accept' ? 'accepted' : 'sent back to the team'}${note}.`, handled: `${outcome}${note}`, team };
  } finally {
    await deps.state.unlock(item.key);
  }
}
