import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { type AnswerDeps, answerSuggestion } from '../../../learning/answer-suggestion.js';
import { ACTIONS } from '../../../views/action-ids.js';
import { slackActor } from '../../slack-actor.js';

/** The two buttons of a rule the digest suggests; the answer is private to who clicked. */
export function registerRuleSuggestionActions(app: App, deps: AnswerDeps): void {
  for (const [actionId, adopt] of [[ACTIONS.adoptRule, true], [ACTIONS.declineRule, false]] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, action, body, respond, context }) => {
      await ack();
      const text = await answerSuggestion(deps, { id: action.value ?? '', adopt, actor: slackActor(body.user, context.botUserId) });
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    });
  }
}
