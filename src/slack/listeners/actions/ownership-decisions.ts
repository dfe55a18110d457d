import type { App, BlockAction, ButtonAction, UsersSelectAction } from '@slack/bolt';
import { refusalText } from '../../../domain/permissions/policy.js';
import { ACTIONS } from '../../../views/action-ids.js';
import { authorise } from '../../../permissions/authorise.js';
import { slackActor } from '../../slack-actor.js';
import { type DecisionAction, type DecisionDeps, recordDecision } from '../../record-decision.js';
import { renderVerdictCard } from '../../../views/verdict-card.js';

const BUTTON_DECISIONS: [string, DecisionAction][] = [
  [ACTIONS.claim, 'claim'],
  [ACTIONS.markPm, 'pm'],
  [ACTIONS.markPo, 'po'],
  [ACTIONS.notApplicable, 'none'],
];

/** The item key of an action: the button's value, or the `verdict:KEY` / `…:KEY` block id for selects. */
function keyOf(action: { value?: string; block_id?: string }): string {
  return action.value || (action.block_id ?? '').split(':').pop() || '';
}

/**
 * The decision buttons ("I own this", "It's PM work", "Assign to…", "Not applicable") and
 * "Share in channel". Each click is acknowledged at once; the outcome replaces the verdict
 * card it came from, or is answered privately when the click came from another message (a
 * nudge, a digest), whose owners edit it when the decision is announced.
 */
export function registerDecisionActions(app: App, deps: DecisionDeps): void {
  async function decide(body: BlockAction, botUserId: string | undefined, action: { value?: string; block_id?: string }, decision: DecisionAction, assignee: string | undefined, respond: (m: object) => Promise<unknown>) {
    const key = keyOf(action);
    const outcome = await recordDecision(deps, { key, action: decision, actor: slackActor(body.user, botUserId), ...(assignee ? { assigneeSlackId: assignee } : {}) });
    if (!outcome.ok) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: `:no_entry: ${outcome.reason}` });
      return;
    }
    const card = renderVerdictCard(outcome.item, outcome.verdict);
    const note = { type: 'context', elements: [{ type: 'mrkdwn', text: `Recorded: <@${body.user.id}> decided this${outcome.warning ? ` — :warning: ${outcome.warning}` : '.'}` }] };
    const fromCard = (action.block_id ?? '').startsWith('verdict:');
    await respond({ response_type: 'ephemeral', replace_original: fromCard, text: card.text, blocks: [...card.blocks, note] });
  }

  for (const [actionId, decision] of BUTTON_DECISIONS) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, respond, context }) => {
      await ack();
      await decide(body, context.botUserId, action, decision, undefined, respond);
    });
  }

  app.action<BlockAction<UsersSelectAction>>(ACTIONS.assign, async ({ ack, body, action, respond, context }) => {
    await ack();
    await decide(body, context.botUserId, action, 'assign', action.selected_user, respond);
  });

  app.action<BlockAction<ButtonAction>>(ACTIONS.share, async ({ ack, body, action, respond, client, context }) => {
    await ack();
    const channel = body.channel?.id ?? body.container?.channel_id;
    const [item, verdict] = await Promise.all([deps.store.getItem(action.value ?? ''), deps.store.getVerdict(action.value ?? '')]);
    if (!item || !verdict || !channel) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: `who-owns no longer knows ${action.value}.` });
      return;
    }
    const permission = authorise('share-in-channel', slackActor(body.user, context.botUserId), { item, verdictTeamId: verdict.teamId, channelId: channel }, deps);
    if (!permission.allowed) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: `${permission.code === 'channel' ? ':lock:' : ':no_entry:'} ${refusalText(permission)}` });
      return;
    }
    const card = renderVerdictCard(item, verdict);
    await client.chat.postMessage({ channel, text: `<@${body.user.id}> shared: ${card.text}`, blocks: card.blocks as never });
    await respond({ response_type: 'ephemeral', replace_original: false, text: `Shared ${item.key} in <#${channel}>.` });
  });
}
