/** Emoji codes the digest uses, shown as characters in the preview. */
const EMOJI: Record<string, string> = {
  white_check_mark: '✅',
  warning: '⚠️',
  hourglass_flowing_sand: '⏳',
  world_map: '🗺️',
  tada: '🎉',
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Slack mrkdwn → HTML for the preview: links, user mentions, *bold*, _italic_, ~strike~,
 * `code`, emoji codes and line breaks. Everything else is escaped text.
 */
export function mrkdwnToHtml(text: string, people: Record<string, string> = {}): string {
  const parts: string[] = [];
  let last = 0;
  for (const m of text.matchAll(/<([^>|]+)(?:\|([^>]*))?>/g)) {
    parts.push(inline(text.slice(last, m.index)));
    const target = m[1] ?? '';
    if (target.startsWith('@')) {
      const id = target.slice(1);
      parts.push(`<span class="mention">@${escapeHtml(people[id] ?? id)}</span>`);
    } else {
      const label = unescapeSlack(m[2] ?? target);
      const href = /^https?:\/\//.test(target) ? target : '#';
      parts.push(`<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`);
    }
    last = (m.index ?? 0) + m[0].length;
  }
  parts.push(inline(text.slice(last)));
  return parts.join('');
}

function inline(raw: string): string {
  let html = escapeHtml(unescapeSlack(raw));
  html = html.replace(/:([a-z_]+):/g, (all, code: string) => EMOJI[code] ?? all);
  html = html.replace(/`([^`\n]+)`/g, '<code>$1</code>');
  html = html.replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1<b>$2</b>');
  html = html.replace(/(^|[\s(])_([^_\n]+)_/g, '$1<i>$2</i>');
  html = html.replace(/(^|[\s(])~([^~\n]+)~/g, '$1<s>$2</s>');
  return html.replace(/\n/g, '<br>');
}

export { escapeHtml };
