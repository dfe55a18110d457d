import type { WeeklyDigest } from '../../domain/digest/build-digest.js';
import { DIGEST_SECTION_LIMIT } from '../../domain/digest/digest-edits.js';
import { renderDigestBlocks } from './digest-blocks.js';

function mrkdwnToPlain(text: string): string {
  return text
    .replace(/<([^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<@([A-Z0-9]+)>/g, '@$1')
    .replace(/:white_check_mark:/g, '✅')
    .replace(/:warning:/g, '⚠️')
    .replace(/:hourglass_flowing_sand:/g, '⏳')
    .replace(/:world_map:/g, '🗺️')
    .replace(/:tada:/g, '🎉')
    .replace(/[*_~`]/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The digest as plain terminal text (for `who-owns demo` and the dry-run preview). */
export function renderDigestText(digest: WeeklyDigest, limit = DIGEST_SECTION_LIMIT): string {
  const { blocks } = renderDigestBlocks(digest, limit);
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.type === 'header' && block.text) lines.push(`${block.text.text}`, '='.repeat(Math.min(60, block.text.text.length)));
    else if (block.type === 'section' && block.text) lines.push(mrkdwnToPlain(block.text.text));
    else if (block.type === 'context') lines.push(...(block.elements ?? []).map((e) => `  ${mrkdwnToPlain(typeof e.text === 'string' ? e.text : '')}`));
    else if (block.type === 'actions') lines.push(`  [${(block.elements ?? []).map((e) => (typeof e.text === 'object' ? e.text.text : '')).join('] [')}]`);
    else if (block.type === 'divider') lines.push('');
  }
  return lines.join('\n');
}
