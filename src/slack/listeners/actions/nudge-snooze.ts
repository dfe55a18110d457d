import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { attentionSignature } from '../../../domain/nudges/select-nudges.js';
import { type PermissionContext, refusalText } from '../../../domain/permissions/policy.js';
import type { ItemStore, NudgeLedger } from '../../../ports.js';
import { ACTIONS } from '../../../views/action-ids.js';
import { authorise } from '../../../permissions/authorise.js';
import { slackActor } from '../../slack-actor.js';

export interface SnoozeDeps extends PermissionContext {
  store: ItemStore;
  ledger: NudgeLedger;
  now?: () => Date;
}

const WEEK_MS = 7 * 86_400_000;

/** "Snooze 1 week" on a nudge: the item is not nudged again for seven days (unless its situation changes). */
export function registerSnoozeAction(app: App, deps: SnoozeDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.snooze, async ({ ack, action, body, respond, context }) => {
    await ack();
    const key = action.value ?? '';
    const [item, verdict] = key ? await Promise.all([deps.store.getItem(key), deps.store.getVerdict(key)]) : [null, null];
    const team = deps.teams.find((t) => t.id === verdict?.teamId);
    if (!item || !verdict || !team) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: `who-owns no longer knows ${key || 'this item'}; nothing was snoozed.` });
      return;
    }
    const permission = authorise('snooze-nudge', slackActor(body.user, context.botUserId), { item, verdictTeamId: verdict.teamId }, deps);
    if (!permission.allowed) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: `:no_entry: ${refusalText(permission)}` });
      return;
    }
    const now = (deps.now ?? (() => new Date()))();
    // The policy's cool-down counts from lastNudgedAt; shift it so the item comes back in exactly a week.
    const until = new Date(now.getTime() + WEEK_MS - team.nudges.cooldownDays * 86_400_000);
    await deps.ledger.snooze(team.id, key, until, attentionSignature(verdict));
    const back = new Date(now.getTime() + WEEK_MS).toISOString().slice(0, 10);
    await respond({ response_type: 'ephemeral', replace_original: false, text: `:zzz: ${key} snoozed: no nudge about it before ${back}, unless its ownership situation changes.` });
  });
}
