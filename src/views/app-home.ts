import type { ListedItem } from './command-answers.js';
import { clip, escapeMrkdwn, link } from './mrkdwn.js';

export interface HomeTeamSection {
  teamName: string;
  role: 'PO' | 'PM';
  /** PO: awaiting acceptance; PM: roadmap items without a PM. */
  first: ListedItem[];
  /** PO: unclear; PM: slipping their target dates. */
  second: ListedItem[];
}

const TITLES = { PO: ['Waiting for your acceptance', 'Ownership unclear'], PM: ['Roadmap items without a PM', 'Slipping their target date'] } as const;

function lines(rows: readonly ListedItem[], empty: string, max = 10): string {
  if (rows.length === 0) return `_${empty}_`;
  const shown = rows.slice(0, max).map(({ item }) => `• ${link(item.url, item.key)} ${escapeMrkdwn(clip(item.summary, 70))}`);
  if (rows.length > max) shown.push(`_…and ${rows.length - max} more_`);
  return clip(shown.join('\n'), 2900);
}

/** The App Home tab "My ownership" (a `home` view for views.publish). */
/** `setup`: the set-up checks' blocks, shown last (to the people of the team file). */
export function renderAppHome(sections: readonly HomeTeamSection[], setup: readonly unknown[] = []) {
  const blocks: unknown[] = [{ type: 'header', text: { type: 'plain_text', text: 'My ownership' } }];
  if (sections.length === 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: 'The team file does not name you as a Product Owner or Product Manager. Try `/who-owns mine` or `/who-owns help`.' } });
  }
  for (const s of sections) {
    const [a, b] = TITLES[s.role];
    blocks.push(
      { type: 'divider' },
      { type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(s.teamName)}* — you are the ${s.role === 'PO' ? 'Product Owner' : 'Product Manager'}` } },
      { type: 'section', text: { type: 'mrkdwn', text: `*${a}* (${s.first.length})\n${lines(s.first, 'nothing')}` } },
      { type: 'section', text: { type: 'mrkdwn', text: `*${b}* (${s.second.length})\n${lines(s.second, 'nothing')}` } },
    );
  }
  if (setup.length > 0) blocks.push({ type: 'divider' }, ...setup);
  return { type: 'home' as const, blocks: blocks.slice(0, 100) };
}
