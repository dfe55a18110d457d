import { PM, PO, UNCLEAR, type Verdict } from '../domain/verdict.js';
import type { WorkItem } from '../domain/work-item.js';
import { ACTIONS } from './action-ids.js';
import { decisionButtons } from './decision-buttons.js';
import { clip, escapeMrkdwn, link, mention } from './mrkdwn.js';

export interface SlackMessage {
  text: string;
  blocks: unknown[];
}

const ROLE_WORDS: Record<string, string> = { [PO]: 'Product Owner', [PM]: 'Product Manager', [UNCLEAR]: 'Unclear', none: 'Not applicable' };
const STATE_WORDS: Record<string, string> = {
  owned: 'owned',
  unowned: 'no one holds this role',
  unmatched: 'no team claims this item',
  conflict: 'claimed twice',
};

/** The answer to `/who-owns KEY`: verdict, people, confidence, why, and buttons to correct it. */
export function renderVerdictCard(item: WorkItem, verdict: Verdict): SlackMessage {
  const role = ROLE_WORDS[verdict.role] ?? verdict.role;
  const owners = verdict.owners.length ? verdict.owners.map(mention).join(', ') : verdict.role === UNCLEAR ? 'to be decided' : 'nobody';
  const headline = `*${link(item.url, item.key)}* ${escapeMrkdwn(clip(item.summary, 200))}`;
  const why = verdict.reasons
    .slice(0, 6)
    .map((r) => `• ${escapeMrkdwn(r.text)}${r.weight > 0 && Number.isFinite(r.weight) ? ` _(${r.role} +${r.weight})_` : ''}`)
    .join('\n');
  return {
    text: `${item.key}: ${role} — ${verdict.owners.map((o) => o.displayName ?? o.slackId).join(', ') || owners}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: headline } },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: `*Role*\n${role}` },
          { type: 'mrkdwn', text: `*Responsible*\n${owners}` },
          { type: 'mrkdwn', text: `*State*\n${STATE_WORDS[verdict.state] ?? verdict.state}` },
          { type: 'mrkdwn', text: `*Confidence*\n${Math.round(verdict.confidence * 100)}%` },
        ],
      },
      { type: 'section', text: { type: 'mrkdwn', text: clip(`*Why?*\n${why || 'no signal fired'}`, 3000) } },
      {
        type: 'actions',
        block_id: `verdict:${item.key}`,
        elements: decisionButtons(item.key, verdict.role, { text: 'Share in channel', actionId: ACTIONS.share }),
      },
    ],
  };
}
