import type { NudgeCandidate } from '../domain/nudges/select-nudges.js';
import type { Attributed } from '../domain/resolution.js';
import type { PersonRefLike } from '../domain/team.js';
import type { Verdict } from '../domain/verdict.js';
import type { OwnershipDecision } from '../domain/work-item.js';
import { ACTIONS } from './action-ids.js';
import { decisionButtons } from './decision-buttons.js';
import { clip, escapeMrkdwn, link, mention } from './mrkdwn.js';
import { packGroups } from './slack-limits.js';
import type { SlackMessage } from './verdict-card.js';
import { agree, count } from '../domain/plural.js';

const STATE_WORDS: Record<string, string> = {
  unowned: 'no one holds this role',
  unmatched: 'no team claims it',
  conflict: 'claimed twice',
};

function situation(verdict: Verdict): string {
  if (verdict.role === 'unclear') return 'ownership unclear';
  return `${verdict.role}, ${STATE_WORDS[verdict.state] ?? verdict.state}`;
}

/** One item: what it is, why it needs a decision, and the decision buttons of the `/who-owns` card. */
function itemBlocks({ item, verdict }: NudgeCandidate): unknown[] {
  const reasons = verdict.reasons.slice(0, 2).map((r) => escapeMrkdwn(r.text)).join('; ');
  return [
    { type: 'section', text: { type: 'mrkdwn', text: `*${link(item.url, item.key)}* ${escapeMrkdwn(clip(item.summary, 150))}\n_${situation(verdict)}_${reasons ? ` — ${clip(reasons, 400)}` : ''}` } },
    {
      type: 'actions',
      block_id: `nudge:${item.key}`,
      elements: decisionButtons(item.key, verdict.role, { text: 'Snooze 1 week', actionId: ACTIONS.snooze }),
    },
  ];
}

/** Room each message keeps for its own lines around the items (header, "more in the thread"). */
const MAIN_RESERVE = { blocks: 2, chars: 600 };
const THREAD_RESERVE = { blocks: 1, chars: 300 };

/**
 * How many items go into the channel message and into each thread reply: at most `topN` in
 * the message, every message within Slack's limits. Sized on the undecided items, so a later
 * edit (a decided item draws smaller) fits the same message.
 */
export function nudgeParts(items: readonly NudgeCandidate[], topN: number): number[] {
  const groups = items.map(itemBlocks);
  const [main = 0] = packGroups(groups, MAIN_RESERVE, topN);
  return [main, ...packGroups(groups.slice(main), THREAD_RESERVE)];
}

function keysLine(items: readonly NudgeCandidate[], shown: number): string {
  const keys = items.slice(0, shown).map((c) => c.item.key).join(', ');
  return items.length > shown ? `${keys} and ${items.length - shown} more` : keys;
}

/**
 * The run's channel message (the first items) and its thread replies (the rest, as many
 * replies as Slack's limits need). `parts` is the split the posted messages used.
 */
export function renderNudgeMessage(data: {
  teamName: string;
  items: readonly NudgeCandidate[];
  topN: number;
  decided?: Readonly<Record<string, OwnershipDecision>>;
  attributed?: Readonly<Record<string, Attributed>>;
  parts?: readonly number[];
}): { main: SlackMessage; threads: SlackMessage[]; parts: number[] } {
  const blocksOf = (candidate: NudgeCandidate) => {
    const decision = data.decided?.[candidate.item.key];
    if (decision) return renderDecidedNudge(candidate.item.key, decision).blocks;
    const attributed = data.attributed?.[candidate.item.key];
    return attributed ? renderAttributedNudge(candidate.item.key, attributed).blocks : itemBlocks(candidate);
  };
  const parts = [...(data.parts ?? nudgeParts(data.items, data.topN))];
  const [mainCount = 0, ...threadCounts] = parts;
  const rest = data.items.length - mainCount;
  const items = count(data.items.length, 'item');
  const need = agree(data.items.length, 'needs', 'need');
  const main: SlackMessage = {
    text: `${items} in ${data.teamName} ${need} an owner decision: ${keysLine(data.items, mainCount)}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `:compass: *${items} in ${escapeMrkdwn(clip(data.teamName, 100))} ${need} an owner decision* — PO (backlog) or PM (roadmap)?` } },
      ...data.items.slice(0, mainCount).flatMap(blocksOf),
      ...(rest > 0 ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `${rest} more in the thread.` }] }] : []),
    ],
  };
  const threads: SlackMessage[] = [];
  let from = mainCount;
  for (const [i, n] of threadCounts.entries()) {
    const part = data.items.slice(from, from + n);
    from += n;
    const title = `${count(n, 'more item', 'more items')} ${agree(n, 'needs', 'need')} an owner decision${threadCounts.length > 1 ? ` (${i + 1} of ${threadCounts.length})` : ''}`;
    threads.push({ text: title, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `*${title}*` } }, ...part.flatMap(blocksOf)] });
  }
  return { main, threads, parts };
}

/** What replaces a decided item's nudge: "✅ PAY-231 — PM, claimed by <@U…>". */
export function renderDecidedNudge(key: string, decision: OwnershipDecision): SlackMessage {
  const how = decision.role === 'none' ? 'marked not applicable' : decision.owner ? `assigned to ${mention(decision.owner)}` : 'decided';
  const text = `✅ ${key} — ${decision.role === 'none' ? 'no owner needed' : decision.role}, ${how} by ${mention(decision.decidedBy)}`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(text).replace(/&lt;@(\w+)&gt;/g, '<@$1>') } }] };
}

/** What replaces the nudge of an item that became clear without a decision: "✅ PAY-900 — PM, no decision needed: learned from …". */
export function renderAttributedNudge(key: string, attributed: Attributed): SlackMessage {
  const text = `✅ ${key} — ${attributed.role}, no decision needed: ${clip(attributed.why, 400)}`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(text) } }] };
}

function who(person: PersonRefLike | null | undefined): string {
  if (person?.slack) return `<@${person.slack}>`;
  return escapeMrkdwn(person?.name ?? person?.email ?? '(role vacant)');
}

/** Raised once to PO and PM together when items stay unresolved; past Slack's limits, the rest are one command away. */
export function renderEscalation(data: { teamName: string; po?: PersonRefLike | null; pm?: PersonRefLike | null; items: readonly NudgeCandidate[]; workingDays: number }): SlackMessage {
  const [shown = 0] = packGroups(data.items.map(itemBlocks), { blocks: 2, chars: 1200 });
  const keys = keysLine(data.items, shown);
  const text = `${who(data.po)} ${who(data.pm)} — still no owner after ${count(data.workingDays, 'working day')} in ${escapeMrkdwn(clip(data.teamName, 100))}: ${keys}. Please decide together.`;
  const more = data.items.length - shown;
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `:rotating_light: ${text}` } },
      ...data.items.slice(0, shown).flatMap(itemBlocks),
      ...(more > 0 ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${count(more, 'more item')}: \`/who-owns unclear\` lists them all.` }] }] : []),
    ],
  };
}
