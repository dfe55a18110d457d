import type { AcceptanceEntry } from '../domain/acceptance/acceptance-queue.js';
import { clip, escapeMrkdwn, link } from './mrkdwn.js';
import type { SlackMessage } from './verdict-card.js';
import { agree, count } from '../domain/plural.js';

export const ACCEPTANCE_ACTIONS = {
  accept: 'who_owns_accept',
  reject: 'who_owns_reject',
  snooze: 'who_owns_accept_snooze',
  open: 'who_owns_accept_open',
  rejectModal: 'who_owns_reject_modal',
} as const;

function days(n: number): string {
  return count(n, 'working day');
}

export interface ReminderDrawing {
  /** One short line per listed item that has left the queue since, e.g. "PAY-441 — accepted in Jira (now Done)". */
  left?: readonly string[];
  /** The reminder's outgoing id, carried in the buttons' block ids so a click finds the message it came from. */
  reminderId?: string;
}

/** The reminder a block_actions payload came from, read back from the block id it was drawn with. */
export function reminderIdOfBlock(blockId: string | undefined): string | undefined {
  const match = /^acceptance-actions:[^|]+\|(.+)$/.exec(blockId ?? '');
  return match?.[1];
}

/**
 * The PO's daily DM: finished items waiting for acceptance, oldest first, one row of buttons
 * each, then a line for each listed item that has been handled or left in Jira. Both the first
 * post and every later edit are drawn here, so they look the same.
 */
export function renderAcceptanceReminder(teamName: string, entries: readonly AcceptanceEntry[], drawing: ReminderDrawing = {}): SlackMessage {
  const left = drawing.left ?? [];
  const header =
    entries.length === 0 && left.length > 0
      ? `Nothing in ${teamName} waits for your acceptance any more`
      : `${count(entries.length, 'finished item')} in ${teamName} ${agree(entries.length, 'waits', 'wait')} for your acceptance`;
  const blocks: unknown[] = [{ type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(header)}*` } }];
  for (const entry of entries.slice(0, 15)) {
    const { item } = entry;
    const line = `${link(item.url, item.key)} ${escapeMrkdwn(clip(item.summary, 150))}\n_${escapeMrkdwn(item.status)} for ${days(entry.workingDaysWaiting)}_`;
    blocks.push({ type: 'section', block_id: `acceptance:${item.key}`, text: { type: 'mrkdwn', text: line } });
    blocks.push({
      type: 'actions',
      block_id: drawing.reminderId ? `acceptance-actions:${item.key}|${drawing.reminderId}` : `acceptance-actions:${item.key}`,
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
  if (left.length > 0) blocks.push({ type: 'section', block_id: 'acceptance-left', text: { type: 'mrkdwn', text: clip(left.map((l) => escapeMrkdwn(l)).join('\n'), 2900) } });
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
  const text = `⏳ ${link(entry.item.url, entry.item.key)} ${escapeMrkdwn(clip(entry.item.summary, 150))} has waited ${days(entry.workingDaysWaiting)} for acceptance by ${who} (${count(reminders, 'reminder')} so far).`;
  return { text: `${entry.item.key} waits for acceptance`, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
