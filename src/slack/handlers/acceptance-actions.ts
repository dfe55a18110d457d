import type { App, BlockAction, ButtonAction, StaticSelectAction, ViewSubmitAction } from '@slack/bolt';
import { type AcceptanceActionDeps, runAcceptanceAction } from '../../acceptance/acceptance-actions.js';
import { acceptanceQueueFor } from '../../acceptance/reminder-service.js';
import { addWorkingDays } from '../../domain/working-days.js';
import { ACCEPTANCE_ACTIONS, renderAcceptanceReminder, renderRejectModal } from '../views/acceptance-blocks.js';

export interface AcceptanceFeatureDeps extends AcceptanceActionDeps {
  now?: () => Date;
}

/**
 * Accept, Reject (with a reason, in a modal) and Snooze on the PO's reminder. Every click is
 * acknowledged at once; the reminder is redrawn in place with what is still waiting.
 */
export function acceptanceFeature(deps: AcceptanceFeatureDeps) {
  const now = deps.now ?? (() => new Date());

  async function redraw(teamProjectKey: string, notes: Map<string, string>) {
    const team = deps.teams.find((t) => t.jira.projects.includes(teamProjectKey));
    if (!team) return undefined;
    const queue = await acceptanceQueueFor(deps, team, now());
    const message = renderAcceptanceReminder(team.name, queue);
    const noteBlocks = [...notes.values()].map((text) => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] }));
    return { text: message.text, blocks: [...message.blocks, ...noteBlocks] };
  }

  return (app: App): void => {
    app.action<BlockAction<ButtonAction>>(ACCEPTANCE_ACTIONS.accept, async ({ ack, action, body, respond }) => {
      await ack();
      const key = action.value ?? '';
      const outcome = await runAcceptanceAction(deps, { key, slackId: body.user.id, action: 'accept' });
      if (!outcome.ok) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: outcome.message });
        return;
      }
      const message = await redraw(key.replace(/-\d+$/, ''), new Map([[key, outcome.message]]));
      if (message) await respond({ replace_original: true, ...message });
    });

    app.action<BlockAction<ButtonAction>>(ACCEPTANCE_ACTIONS.reject, async ({ ack, action, body, client, respond }) => {
      await ack();
      const key = action.value ?? '';
      const item = await deps.items.getItem(key);
      const team = item ? deps.teams.find((t) => t.jira.projects.includes(item.projectKey)) : undefined;
      if (!item || !team || !(team.po?.slack === body.user.id || team.acceptance.delegates.some((d) => d.slack === body.user.id))) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: `Only the PO or the team’s acceptance delegates can reject ${key}. Jira was not changed.` });
        return;
      }
      const view = renderRejectModal(key, item.summary);
      view.private_metadata = JSON.stringify({ key, channel: body.channel?.id, ts: body.message?.ts });
      await client.views.open({ trigger_id: body.trigger_id, view: view as never });
    });

    app.view<ViewSubmitAction>(ACCEPTANCE_ACTIONS.rejectModal, async ({ ack, view, body, client }) => {
      const meta = JSON.parse(view.private_metadata || '{}') as { key?: string; channel?: string; ts?: string };
      const reason = view.state.values.reason?.text?.value ?? '';
      const outcome = await runAcceptanceAction(deps, { key: meta.key ?? '', slackId: body.user.id, action: 'reject', reason });
      if (!outcome.ok) {
        await ack({ response_action: 'errors', errors: { reason: outcome.message.slice(0, 150) } });
        return;
      }
      await ack();
      const message = await redraw((meta.key ?? '').replace(/-\d+$/, ''), new Map([[meta.key ?? '', outcome.message]]));
      if (message && meta.channel && meta.ts) await client.chat.update({ channel: meta.channel, ts: meta.ts, ...message });
    });

    app.action<BlockAction<StaticSelectAction>>(ACCEPTANCE_ACTIONS.snooze, async ({ ack, action, body, respond }) => {
      await ack();
      const [key = '', daysText = '1'] = action.selected_option.value.split('|');
      const item = await deps.items.getItem(key);
      const team = item ? deps.teams.find((t) => t.jira.projects.includes(item.projectKey)) : undefined;
      if (!item || !team || !(team.po?.slack === body.user.id || team.acceptance.delegates.some((d) => d.slack === body.user.id))) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: `Only the PO can snooze ${key}.` });
        return;
      }
      const until = addWorkingDays(now(), Number(daysText), team.timezone, team.acceptance.workingDays);
      await deps.state.snooze(key, until);
      const message = await redraw(item.projectKey, new Map([[key, `💤 ${key} snoozed until ${until.toISOString().slice(0, 10)}`]]));
      if (message) await respond({ replace_original: true, ...message });
    });

    app.action(ACCEPTANCE_ACTIONS.open, async ({ ack }) => {
      await ack();
    });
  };
}
