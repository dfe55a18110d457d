import type { NudgeCandidate } from '../../domain/nudges/select-nudges.js';
import type { PersonRefLike } from '../../domain/team.js';
import type { Verdict } from '../../domain/verdict.js';
import type { OwnershipDecision } from '../../domain/work-item.js';
import { ACTIONS } from '../action-ids.js';
import { decisionButtons } from './decision-buttons.js';
import { clip, escapeMrkdwn, link, mention } from './mrkdwn.js';
import type { SlackMessage } from './verdict-card.js';
import { agree, count } from '../../domain/plural.js';

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
    { type: 'section', text: { type: 'mrkdwn', text: `*${link(item.url, item.key)}* ${escapeMrkdwn(clip(item.summary, 150))}\n_${situation(verdict)}_${reasons ? ` — ${reasons}` : ''}` } },
    {
      type: 'actions',
      block_id: `nudge:${item.key}`,
      elements: decisionButtons(item.key, verdict.role, { text: 'Snooze 1 week', actionId: ACTIONS.snooze }),
    },
  ];
}

/** The run's one channel message: the first `topN` items; `rest` goes into a thread reply. */
export function renderNudgeMessage(data: { teamName: string; items: readonly NudgeCandidate[]; topN: number; decided?: Readonly<Record<string, OwnershipDecision>> }): { main: SlackMessage; thread?: SlackMessage } {
  const blocksOf = (candidate: NudgeCandidate) => {
    const decision = data.decided?.[candidate.item.key];
    return decision ? renderDecidedNudge(candidate.item.key, decision).blocks : itemBlocks(candidate);
  };
  const shown = data.items.slice(0, data.topN);
  const rest = data.items.slice(data.topN);
  const items = count(data.items.length, 'item');
  const need = agree(data.items.length, 'needs', 'need');
  const main: SlackMessage = {
    text: `${items} in ${data.teamName} ${need} an owner decision: ${data.items.map((c) => c.item.key).join(', ')}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `:compass: *${items} in ${escapeMrkdwn(data.teamName)} ${need} an owner decision* — PO (backlog) or PM (roadmap)?` } },
      ...shown.flatMap(blocksOf),
      ...(rest.length ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `${rest.length} more in the thread.` }] }] : []),
    ],
  };
  if (!rest.length) return { main };
  return { main, thread: { text: `${count(rest.length, 'more item', 'more items')} ${agree(rest.length, 'needs', 'need')} an owner decision`, blocks: rest.flatMap(blocksOf) } };
}

/** What replaces a decided item's nudge: "✅ PAY-231 — PM, claimed by <@U…>". */
export function renderDecidedNudge(key: string, decision: OwnershipDecision): SlackMessage {
  const how = decision.role === 'none' ? 'marked not applicable' : decision.owner ? `assigned to ${mention(decision.owner)}` : 'decided';
  const text = `✅ ${key} — ${decision.role === 'none' ? 'no owner needed' : decision.role}, ${how} by ${mention(decision.decidedBy)}`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(text).replace(/&lt;@(\w+)&gt;/g, '<@$1>') } }] };
}

function who(person: PersonRefLike | null | undefined): string {
  if (person?.slack) return `<@${person.slack}>`;
  return escapeMrkdwn(person?.name ?? person?.email ?? '(role vacant)');
}

/** Raised once to PO and PM together when items stay unresolved. */
export function renderEscalation(data: { teamName: string; po?: PersonRefLike | null; pm?: PersonRefLike | null; items: readonly NudgeCandidate[]; workingDays: number }): SlackMessage {
  const keys = data.items.map((c) => c.item.key).join(', ');
  const text = `${who(data.po)} ${who(data.pm)} — still no owner after ${data.workingDays} working days in ${escapeMrkdwn(data.teamName)}: ${keys}. Please decide together.`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:rotating_light: ${text}` } }, ...data.items.flatMap(itemBlocks)] };
}
