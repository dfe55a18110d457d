import type { Person } from '../domain/work-item.js';

/** Escapes user text for Slack mrkdwn: only &, < and > are special. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<@U…>` when the Slack id is known, else the name. */
export function mention(person: Person): string {
  if (person.slackId) return `<@${person.slackId}>`;
  return escapeMrkdwn(person.displayName ?? person.email ?? person.accountId ?? 'someone');
}

export function link(url: string, label: string): string {
  return url ? `<${url}|${escapeMrkdwn(label)}>` : escapeMrkdwn(label);
}

/** Cuts text to Slack's limits with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
