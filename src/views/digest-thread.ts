import type { WeeklyDigest } from '../domain/digest/build-digest.js';
import { DIGEST_SECTION_LIMIT } from '../domain/digest/digest-edits.js';
import { withinLimits } from './slack-limits.js';
import { clip, escapeMrkdwn, link } from './mrkdwn.js';
import { count } from '../domain/plural.js';

/** Lines per section in the thread reply; past that, the team looks in Jira. */
export const THREAD_SECTION_LIMIT = 40;

function listSection(title: string, lines: string[], total: number) {
  const extra = total > lines.length ? `\n_…and ${total - lines.length} more in Jira_` : '';
  let body = lines.map((l) => `• ${l}`).join('\n');
  // Keep the section under Slack's 3,000 characters by dropping whole lines, not cutting one.
  while (title.length + body.length + extra.length + 40 > 3000 && lines.length > 1) {
    lines.pop();
    body = lines.map((l) => `• ${l}`).join('\n');
  }
  const dropped = total - lines.length;
  const tail = dropped > 0 ? `\n_…and ${dropped} more in Jira_` : '';
  return { type: 'section', text: { type: 'mrkdwn', text: `${title}\n${body}${tail}` } };
}

/**
 * The thread reply under a digest with the rest of the acceptance queue and roadmap issues
 * (the posted message shows the first few). Null when everything fits in the digest.
 */
export function renderDigestThread(digest: WeeklyDigest, shown = DIGEST_SECTION_LIMIT): { text: string; blocks: { type: string; text?: { type: string; text: string } }[] } | null {
  const blocks = [];
  const acceptance = digest.acceptance.slice(shown);
  if (acceptance.length) {
    const lines = acceptance
      .slice(0, THREAD_SECTION_LIMIT)
      .map((a) => `${link(a.item.url, a.item.key)} ${escapeMrkdwn(clip(a.item.summary, 80))} — ${count(a.workingDaysWaiting, 'working day')}`);
    blocks.push(listSection('*More waiting for PO acceptance*', lines, acceptance.length));
  }
  const roadmap = digest.roadmap.slice(shown);
  if (roadmap.length) {
    const lines = roadmap.slice(0, THREAD_SECTION_LIMIT).map((r) => `${link(r.item.url, r.item.key)} ${escapeMrkdwn(clip(r.item.summary, 80))} — ${escapeMrkdwn(r.detail)}`);
    blocks.push(listSection('*More roadmap health*', lines, roadmap.length));
  }
  if (!blocks.length) return null;
  return { text: `${digest.teamName}: the rest of this week's digest`, blocks: withinLimits(blocks) };
}
