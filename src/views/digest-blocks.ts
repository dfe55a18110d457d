import type { WeeklyDigest } from '../domain/digest/build-digest.js';
import { DIGEST_SECTION_LIMIT, digestTotals } from '../domain/digest/digest-edits.js';
import { describeRule } from '../domain/learning/suggest-rules.js';
import { UNCLEAR } from '../domain/verdict.js';
import { ACTIONS } from './action-ids.js';
import { button } from './decision-buttons.js';
import { withinLimits } from './slack-limits.js';
import { clip, escapeMrkdwn, link, mention } from './mrkdwn.js';
import { agree, count } from '../domain/plural.js';

export interface DigestMessage {
  text: string;
  blocks: DigestBlock[];
}

export interface DigestBlock {
  type: string;
  text?: { type: string; text: string; emoji?: boolean };
  elements?: { type: string; text?: string | { type: string; text: string; emoji?: boolean }; action_id?: string; value?: string }[];
  block_id?: string;
}

/** Where each full list is: /who-owns answers the first privately; the others are in the digest's thread. */
export const SEE_ALL = { attention: 'see all with `/who-owns unclear`', acceptance: 'the rest are in the thread', roadmap: 'the rest are in the thread' } as const;

const DAY_MS = 86_400_000;

function section(text: string): DigestBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, 3000) } };
}

function context(text: string): DigestBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(text, 3000) }] };
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0';
}

function more(shown: number, total: number, where: string): DigestBlock[] {
  return total > shown ? [context(`…and ${total - shown} more — ${where}`)] : [];
}

function ageDays(created: string, asOf: string | undefined): number | null {
  if (!asOf) return null;
  const ms = Date.parse(asOf) - Date.parse(created);
  return Number.isFinite(ms) ? Math.max(0, Math.floor(ms / DAY_MS)) : null;
}

function roleLabel(role: string): string {
  return role === UNCLEAR ? 'unclear' : role === 'none' ? 'n/a' : role;
}

/** One line saying how ownership is spread, with the change since last week. */
export function balanceLine(digest: WeeklyDigest): string {
  const roles = Object.entries(digest.balance.byRole).sort((a, b) => b[1] - a[1]);
  const parts = roles.map(([role, n]) => {
    const delta = digest.change?.[role];
    return `${roleLabel(role)} *${n}*${delta ? ` (${signed(delta)})` : ''}`;
  });
  return `*Ownership* · ${count(digest.balance.total, 'item')}: ${parts.join(' · ') || 'none yet'}`;
}

/** States other than "owned" (vacant roles, unmatched items, conflicts), or null when there are none. */
function statesLine(digest: WeeklyDigest): string | null {
  const states = Object.entries(digest.balance.byState)
    .filter(([state, n]) => state !== 'owned' && n > 0)
    .sort((a, b) => b[1] - a[1]);
  return states.length ? states.map(([state, n]) => `${state} ${n}`).join(' · ') : null;
}

function attentionBlocks(digest: WeeklyDigest, limit: number): DigestBlock[] {
  const total = digestTotals(digest).attention;
  const listed = digest.attention.slice(0, limit);
  if (listed.length === 0) return [];
  const blocks: DigestBlock[] = [section(`:warning: *Needs an owner — ${total}*, oldest first`)];
  for (const { item, verdict } of listed) {
    const tick = digest.ticked?.[item.key];
    const age = ageDays(item.created, digest.asOf);
    const what = `${link(item.url, item.key)} ${escapeMrkdwn(clip(item.summary, 120))}`;
    if (tick) {
      const how = tick.by ? `decided by ${mention(tick.by)}` : `no decision needed: ${escapeMrkdwn(clip(tick.why ?? '', 300))}`;
      blocks.push(section(`:white_check_mark: ~${item.key}~ ${escapeMrkdwn(clip(item.summary, 120))} → *${roleLabel(tick.role)}*, ${how}`));
      continue;
    }
    const state = verdict.role === UNCLEAR ? 'unclear' : `${roleLabel(verdict.role)} ${verdict.state}`;
    blocks.push(section(`${what}\n_${state}${age === null ? '' : ` · ${count(age, 'day')} old`}_`));
    blocks.push({
      type: 'actions',
      block_id: `digest_${item.key}`,
      elements: [button("It's PO work", ACTIONS.markPo, item.key), button("It's PM work", ACTIONS.markPm, item.key), button('I own this', ACTIONS.claim, item.key)],
    });
  }
  return [...blocks, ...more(listed.length, total, SEE_ALL.attention)];
}

function listBlocks(title: string, lines: string[], total: number, command: string): DigestBlock[] {
  if (lines.length === 0) return [];
  return [section(`${title}\n${lines.map((l) => `• ${l}`).join('\n')}`), ...more(lines.length, total, command)];
}

/**
 * The weekly digest as a Slack message: the worst first (items needing an owner, with
 * decision buttons), then acceptance, roadmap health and what was resolved. Empty sections
 * are left out; an all-clear week is one line. Always within Slack's limits.
 */
/** "Make label `gtm` → PM a rule?" with its two buttons, once per suggestion. */
function suggestionBlocks(digest: WeeklyDigest): DigestBlock[] {
  const suggestions = digest.suggestions ?? [];
  if (suggestions.length === 0) return [];
  return [
    { type: 'divider' },
    section(':bulb: *Rules your decisions already follow*'),
    ...suggestions.flatMap((s): DigestBlock[] => [
      section(`Make ${escapeMrkdwn(describeRule(s))} a rule? All ${s.decisions} decided items with it went to ${roleLabel(s.role)}.`),
      { type: 'actions', block_id: `rule:${s.id}`, elements: [button('Make it a rule', ACTIONS.adoptRule, s.id, 'primary'), button('No', ACTIONS.declineRule, s.id)] },
    ]),
  ];
}

export function renderDigestBlocks(digest: WeeklyDigest, limit = DIGEST_SECTION_LIMIT): DigestMessage {
  const totals = digestTotals(digest);
  const title = `${digest.teamName} — ownership digest, ${digest.week}`;
  const open = totals.attention + totals.acceptance + totals.roadmap;
  if (open === 0 && totals.resolved === 0) {
    const line = `:white_check_mark: *${escapeMrkdwn(digest.teamName)}*, ${digest.week}: all clear — every one of ${count(digest.balance.total, 'item')} has an owner, nothing waits for acceptance, the roadmap is on track.`;
    return { text: `${title}: all clear`, blocks: [section(line), ...suggestionBlocks(digest)] };
  }
  const blocks: DigestBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(title, 150), emoji: true } },
    section(balanceLine(digest)),
  ];
  const states = statesLine(digest);
  if (states) blocks.push(context(states));
  const groups = [
    attentionBlocks(digest, limit),
    listBlocks(
      `:hourglass_flowing_sand: *Waiting for PO acceptance — ${totals.acceptance}*`,
      digest.acceptance.slice(0, limit).map((a) => `${link(a.item.url, a.item.key)} ${escapeMrkdwn(clip(a.item.summary, 100))} — ${count(a.workingDaysWaiting, 'working day')}`),
      totals.acceptance,
      SEE_ALL.acceptance,
    ),
    listBlocks(
      `:world_map: *Roadmap health — ${totals.roadmap}*`,
      digest.roadmap.slice(0, limit).map((r) => `${link(r.item.url, r.item.key)} ${escapeMrkdwn(clip(r.item.summary, 100))} — ${escapeMrkdwn(r.detail)}`),
      totals.roadmap,
      SEE_ALL.roadmap,
    ),
    listBlocks(
      `:tada: *Resolved since last week — ${totals.resolved}*`,
      digest.resolved
        .slice(-limit)
        .map((r) => `${escapeMrkdwn(r.key)} → ${roleLabel(r.decision.role)}, thanks ${mention(r.decision.decidedBy)}`),
      totals.resolved,
      SEE_ALL.attention,
    ),
  ];
  for (const group of groups) if (group.length) blocks.push({ type: 'divider' }, ...group);
  blocks.push(...suggestionBlocks(digest));
  const summary = [
    totals.attention ? `${totals.attention} ${agree(totals.attention, 'needs', 'need')} an owner` : '',
    totals.acceptance ? `${totals.acceptance} ${agree(totals.acceptance, 'awaits', 'await')} acceptance` : '',
    totals.roadmap ? count(totals.roadmap, 'roadmap issue') : '',
    totals.resolved ? `${totals.resolved} resolved` : '',
  ].filter(Boolean);
  return { text: `${title}: ${summary.join(', ')}`, blocks: withinLimits(blocks) };
}
