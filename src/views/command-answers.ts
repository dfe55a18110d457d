import { describeVerdict } from '../domain/attribution/describe-verdict.js';
import type { PersonRefLike, TeamProfile } from '../domain/team.js';
import { UNCLEAR, type Verdict } from '../domain/verdict.js';
import type { WorkItem } from '../domain/work-item.js';
import { clip, escapeMrkdwn, link } from './mrkdwn.js';
import type { SlackMessage } from './verdict-card.js';
import { count } from '../domain/plural.js';
import { lineSections } from './slack-limits.js';

export const USAGE = [
  '*/who-owns* tells who owns a Jira item: the Product Owner, the Product Manager, or nobody yet.',
  '• `/who-owns PAY-231` — one or more keys, or a Jira link',
  '• `/who-owns pricing page` — items matching some words',
  '• `/who-owns jql: project = PAY AND status = "In Review"` — items matching a JQL query',
  '• `/who-owns PAY` or `/who-owns team Payments` — the team’s PO and PM and what each owns',
  '• `/who-owns unclear` — items whose owner is unclear, unowned or disputed',
  '• `/who-owns mine` — what you own',
].join('\n');

export function renderHelp(problem?: string): SlackMessage {
  const text = problem ? `:warning: ${escapeMrkdwn(clip(problem, 1000))}\n\n${USAGE}` : USAGE;
  return { text: problem ? `who-owns: ${clip(problem, 1000)}` : 'How to use /who-owns', blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

function personText(person: PersonRefLike | null | undefined): string {
  if (person === null) return '_vacant_';
  if (!person) return '_not set_';
  return person.slack ? `<@${person.slack}>` : escapeMrkdwn(person.name ?? person.email ?? person.jira ?? '?');
}

export interface ListedItem {
  item: WorkItem;
  verdict: Verdict;
}

/** A compact list of items with their owners (search results, `unclear`, `mine`, JQL). */
export function renderItemList(title: string, rows: readonly ListedItem[], emptyText: string, max = 15): SlackMessage {
  if (rows.length === 0) return { text: emptyText, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(emptyText) } }] };
  const lines = rows.slice(0, max).map(({ item, verdict }) => `• *${link(item.url, item.key)}* ${escapeMrkdwn(clip(item.summary, 80))} — ${escapeMrkdwn(describeVerdict(verdict, 1))}`);
  if (rows.length > max) lines.push(`_…and ${rows.length - max} more_`);
  return {
    text: `${title}: ${count(rows.length, 'item')}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(title)}*` } },
      { type: 'section', text: { type: 'mrkdwn', text: clip(lines.join('\n'), 3000) } },
    ],
  };
}

/** `/who-owns team Payments`: who holds each role and what they own. */
export function renderTeamSummary(team: TeamProfile, verdicts: readonly Verdict[]): SlackMessage {
  const number = (pred: (v: Verdict) => boolean) => verdicts.filter(pred).length;
  const owns = (pred: (v: Verdict) => boolean) => `owns ${count(number(pred), 'item')}`;
  const unclear = number((v) => v.role === UNCLEAR);
  const lines = [
    `*${escapeMrkdwn(team.name)}* — Jira ${escapeMrkdwn([...team.jira.projects, ...team.jira.components].join(', '))}`,
    `• Product Owner: ${personText(team.po)} — ${owns((v) => v.role === 'PO')}`,
    `• Product Manager: ${personText(team.pm)} — ${owns((v) => v.role === 'PM')}`,
    ...team.roles.map((r) => `• ${escapeMrkdwn(r.title)}: ${r.people.map(personText).join(', ') || '_vacant_'} — ${owns((v) => v.role === r.id)}`),
    `• Unclear: ${unclear} · unowned: ${number((v) => v.state === 'unowned')} · in conflict: ${number((v) => v.state === 'conflict')} (see \`/who-owns unclear ${team.id}\`)`,
  ];
  return { text: `${clip(team.name, 150)}: PO and PM`, blocks: lineSections(lines.map((l) => clip(l, 500)), 3) };
}
