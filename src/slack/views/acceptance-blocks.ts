import type { AcceptanceEntry } from '../../domain/acceptance/acceptance-queue.js';
import { clip, escapeMrkdwn, link } from './mrkdwn.js';
import type { SlackMessage } from './verdict-card.js';

export const ACCEPTANCE_ACTIONS = {
  accept: 'who_owns_accept',
  reject: 'who_owns_reject',
  snooze: 'who_owns_accept_snooze',
  open: 'who_owns_accept_open',
  rejectModal: 'who_owns_reject_modal',
} as const;

function days(n: number): string {
  return `${n} working day${n === 1 ? '' : 's'}`;
}

/** The PO's daily DM: finished items waiting for acceptance, oldest first, one row of buttons each. */
export function renderAcceptanceReminder(teamName: string, entries: readonly AcceptanceEntry[], handled: ReadonlyMap<string, string> = new Map()): SlackMessage {
  const open = entries.filter((e) => !handled.has(e.item.key));
  const header = `${open.length} finished item${open.length === 1 ? '' : 's'} in ${teamName} wait${open.length === 1 ? 's' : ''} for your acceptance`;
  const blocks: unknown[] = [{ type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(header)}*` } }];
  for (const entry of entries.slice(0, 15)) {
    const { item } = entry;
    const done = handled.get(item.key);
    const line = `${link(item.url, item.key)} ${escapeMrkdwn(clip(item.summary, 150))}\n_${escapeMrkdwn(item.status)} for ${days(entry.workingDaysWaiting)}_`;
    if (done) {
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `~${line.split('\n')[0]}~\n${escapeMrkdwn(done)}` } });
      continue;
    }
    blocks.push({ type: 'section', block_id: `acceptance:${item.key}`, text: { type: 'mrkdwn', text: line } });
    blocks.push({
      type: 'actions',
      block_id: `acceptance-actions:${item.key}`,
      elements: [
        { type: 'button', text: { type: 'plain_text', text: 'Accept' }, style: 'primary', action_id: ACCEPTANCE_ACTIONS.accept, value: item.key },
        { type: 'button', text: { type: 'plain_text', text: 'Reject…' }, style: 'danger', action_id: ACCEPTANCE_ACTIONS.reject, value: item.key },
        {
          type: 'static_select',
          action_id: ACCEPTANCE_ACTIONS.snooze,
          placeholder: { type: 'plain_text', text: 'Snooze' },
          options: [1, 3].map((n) => ({ text: { type: 'plain_text', text: `Snooze ${days(n)}` }, value: `${item.key}|${n}` })),
        },
        ...(item.url ? [{ type: 'button', text: { type: 'plain_text', text: 'Open in Jira' }, url: item.url, action_id: ACCEPTANCE_ACTIONS.open }] : []),
      ],
    });
  }
  if (entries.length > 15) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${entries.length - 15} more` }] });
  return { text: header, blocks };
}

/** The modal that asks why work is sent back. */
export function renderRejectModal(key: string, summary: string): Record<string, unknown> {
  return {
    type: 'modal',
    callback_id: ACCEPTANCE_ACTIONS.rejectModal,
    private_metadata: key,
    title: { type: 'plain_text', text: 'Send back to the team' },
    submit: { type: 'plain_text', text: 'Reject' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(key)}* ${escapeMrkdwn(clip(summary, 200))}` } },
      { type: 'input', block_id: 'reason', label: { type: 'plain_text', text: 'What is missing?' }, element: { type: 'plain_text_input', action_id: 'text', multiline: true, min_length: 3, max_length: 2000 } },
    ],
  };
}

/** Raised once in the team channel for an item that waited too long. */
export function renderAcceptanceEscalation(entry: AcceptanceEntry, poSlackId: string | undefined, reminders: number): SlackMessage {
  const who = poSlackId ? `<@${poSlackId}>` : 'the PO';
  const text = `⏳ ${link(entry.item.url, entry.item.key)} ${escapeMrkdwn(clip(entry.item.summary, 150))} has waited ${days(entry.workingDaysWaiting)} for acceptance by ${who} (${reminders} reminder${reminders === 1 ? '' : 's'} so far).`;
  return { text: `${entry.item.key} waits for acceptance`, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
