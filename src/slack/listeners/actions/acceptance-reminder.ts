import type { App, BlockAction, ButtonAction, RespondFn, StaticSelectAction, ViewSubmitAction } from '@slack/bolt';
import { type AcceptanceActionDeps, runAcceptanceAction } from '../../../acceptance/run-acceptance-action.js';
import { drawReminder, handledLine, redrawThroughOutbox, snoozedLine } from '../../../acceptance/reminder-redraw.js';
import { refusalText } from '../../../domain/permissions/policy.js';
import type { TeamProfile } from '../../../domain/team.js';
import { addWorkingDays } from '../../../domain/working-days.js';
import type { Outbox } from '../../../ports.js';
import { authorise } from '../../../permissions/authorise.js';
import { slackActor } from '../../slack-actor.js';
import { ACCEPTANCE_ACTIONS, reminderIdOfBlock, renderRejectModal } from '../../../views/acceptance-blocks.js';

export interface AcceptanceReminderDeps extends AcceptanceActionDeps {
  /** Edits of a reminder that no click's response_url can make (the Reject modal's) go through it. */
  outbox?: Outbox;
  now?: () => Date;
}

interface RejectModalMetadata {
  key?: string;
  reminderId?: string;
  channel?: string;
  ts?: string;
}

/**
 * Accept, Reject (with a reason, in a modal) and Snooze on the PO's reminder. Every click is
 * acknowledged at once; the reminder is redrawn in place with what is still waiting and a line
 * for each item handled, drawn the same way as the edits that mirror changes made in Jira.
 */
export function registerAcceptanceReminderActions(app: App, deps: AcceptanceReminderDeps): void {
  const now = deps.now ?? (() => new Date());

  /** Redraws the team's clicked reminder through the click's response_url, with `line` for the item. */
  async function redrawClicked(respond: RespondFn, team: TeamProfile, key: string, reminderId: string | undefined, line: string): Promise<void> {
    const record = reminderId ? await deps.state.reminder(reminderId) : null;
    if (record) {
      await deps.state.noteLeft(record.id, key, line, true);
      record.left[key] = line;
    }
    const picture = await drawReminder(deps, team, record, now(), record ? [] : [line]);
    await respond({ replace_original: true, text: picture.message.text, blocks: picture.message.blocks as never });
    // The message already shows this picture: the next mirror pass has nothing to edit.
    if (record) await deps.state.claimRedraw(record.id, picture.signature, 'response');
  }

  app.action<BlockAction<ButtonAction>>(ACCEPTANCE_ACTIONS.accept, async ({ ack, action, body, respond, context }) => {
    await ack();
    const key = action.value ?? '';
    const outcome = await runAcceptanceAction(deps, { key, actor: slackActor(body.user, context.botUserId), action: 'accept' });
    if (!outcome.ok) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: outcome.message });
      return;
    }
    await redrawClicked(respond, outcome.team, key, reminderIdOfBlock(action.block_id), handledLine(key, outcome.handled));
  });

  app.action<BlockAction<ButtonAction>>(ACCEPTANCE_ACTIONS.reject, async ({ ack, action, body, client, respond, context }) => {
    await ack();
    const key = action.value ?? '';
    const item = await deps.items.getItem(key);
    if (!item) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: `${key} is not in who-owns' store any more. Jira was not changed.` });
      return;
    }
    const permission = authorise('reject', slackActor(body.user, context.botUserId), { item }, deps);
    if (!permission.allowed) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: `:no_entry: ${refusalText(permission)}` });
      return;
    }
    const view = renderRejectModal(key, item.summary);
    const meta: RejectModalMetadata = { key, reminderId: reminderIdOfBlock(action.block_id), channel: body.channel?.id ?? body.container?.channel_id, ts: body.message?.ts ?? body.container?.message_ts };
    view.private_metadata = JSON.stringify(meta);
    await client.views.open({ trigger_id: body.trigger_id, view: view as never });
  });

  app.view<ViewSubmitAction>(ACCEPTANCE_ACTIONS.rejectModal, async ({ ack, view, body, client, context }) => {
    const meta = JSON.parse(view.private_metadata || '{}') as RejectModalMetadata;
    const key = meta.key ?? '';
    const reason = view.state.values.reason?.text?.value ?? '';
    // Checked before anything else: an empty reason is a field error, and Jira is not called.
    if (!reason.trim()) {
      await ack({ response_action: 'errors', errors: { reason: 'Say what is missing, so the team knows what to do.' } });
      return;
    }
    const outcome = await runAcceptanceAction(deps, { key, actor: slackActor(body.user, context.botUserId), action: 'reject', reason });
    if (!outcome.ok) {
      await ack({ response_action: 'errors', errors: { reason: outcome.message.slice(0, 150) } });
      return;
    }
    await ack();
    const team = outcome.team;
    const line = handledLine(key, outcome.handled);
    const record = meta.reminderId ? await deps.state.reminder(meta.reminderId) : null;
    if (record && deps.outbox) {
      await deps.state.noteLeft(record.id, key, line, true);
      await redrawThroughOutbox({ ...deps, outbox: deps.outbox }, team, record, now());
      return;
    }
    // A reminder drawn before reminders were remembered: edit the message where it is.
    if (!meta.channel || !meta.ts) return;
    const picture = await drawReminder(deps, team, null, now(), [line]);
    await client.chat.update({ channel: meta.channel, ts: meta.ts, text: picture.message.text, blocks: picture.message.blocks as never });
  });

  app.action<BlockAction<StaticSelectAction>>(ACCEPTANCE_ACTIONS.snooze, async ({ ack, action, body, respond, context }) => {
    await ack();
    const [key = '', daysText = '1'] = action.selected_option.value.split('|');
    const days = daysText === '3' ? 3 : 1;
    const item = await deps.items.getItem(key);
    if (!item) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: `${key} is not in who-owns' store any more; nothing was snoozed.` });
      return;
    }
    const permission = authorise('snooze-reminder', slackActor(body.user, context.botUserId), { item }, deps);
    if (!permission.allowed) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: `:no_entry: ${refusalText(permission)}` });
      return;
    }
    const team = permission.team;
    const until = addWorkingDays(now(), days, team.timezone, team.acceptance.workingDays);
    await deps.state.snooze(key, until, now());
    await redrawClicked(respond, team, key, reminderIdOfBlock(action.block_id), snoozedLine(key, until, team));
  });

  // A link button: Slack opens the URL itself and still sends the click, which only needs an ack.
  app.action(ACCEPTANCE_ACTIONS.open, async ({ ack }) => {
    await ack();
  });
}
