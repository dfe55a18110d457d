/**
 * Renders a Slack message (Block Kit) as terminal text, so the demo and previews show what Slack would.
 * Only the block types who-owns sends are drawn; others are skipped.
 */
interface TextObject {
  type?: string;
  text?: string;
}
interface Element {
  type?: string;
  text?: TextObject | string;
  url?: string;
  placeholder?: TextObject;
  elements?: Element[];
}
interface Block {
  type?: string;
  text?: TextObject;
  fields?: TextObject[];
  elements?: Element[];
  accessory?: Element;
}

const EMOJI: Record<string, string> = {
  warning: '⚠️',
  hourglass_flowing_sand: '⏳',
  world_map: '🗺️',
  tada: '🎉',
  white_check_mark: '✅',
  zzz: '💤',
};

/** Slack mrkdwn → plain terminal text: links, mentions, emoji, emphasis marks, entities. */
export function mrkdwnToText(text: string, people: Record<string, string> = {}): string {
  return text
    .replace(/:([a-z_]+):/g, (whole, name: string) => EMOJI[name] ?? whole)
    .replace(/(^|[\s(])[*_~]([^*_~\n]+)[*_~](?=[\s).,:;!?]|$)/gm, '$1$2')
    .replace(/<@([UW][A-Z0-9]+)>/g, (_, id: string) => `@${people[id] ?? id}`)
    .replace(/<#([CG][A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, name?: string) => `#${name ?? id}`)
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/<!(here|channel|everyone)>/g, '@$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function textOf(value: TextObject | string | undefined, people: Record<string, string>): string {
  if (!value) return '';
  const raw = typeof value === 'string' ? value : (value.text ?? '');
  return mrkdwnToText(raw, people);
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');
}

function controlLabel(element: Element, people: Record<string, string>): string {
  if (element.type === 'button') return `[${textOf(element.text, people)}]`;
  if (element.type?.endsWith('_select')) return `[${textOf(element.placeholder, people) || 'Select…'} ▾]`;
  if (element.type === 'overflow') return '[⋯]';
  return '';
}

export function blocksToText(message: { text?: string; blocks?: unknown[] }, people: Record<string, string> = {}): string {
  const blocks = (message.blocks ?? []) as Block[];
  if (blocks.length === 0) return mrkdwnToText(message.text ?? '', people);
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'header': {
        const title = textOf(block.text, people);
        out.push(`\n${title}\n${'='.repeat(Math.min(60, title.length))}`);
        break;
      }
      case 'section': {
        const parts = [textOf(block.text, people), ...(block.fields ?? []).map((f) => textOf(f, people))].filter(Boolean);
        const accessory = block.accessory ? controlLabel(block.accessory, people) : '';
        out.push(indent(parts.join('\n') + (accessory ? `  ${accessory}` : ''), '  '));
        break;
      }
      case 'context':
        out.push(indent((block.elements ?? []).map((e) => (e.type === 'image' ? '' : textOf(e.text ?? (e as TextObject), people))).filter(Boolean).join('  ·  '), '  ↳ '));
        break;
      case 'divider':
        out.push('  ────────────────────────────────────────');
        break;
      case 'actions':
        out.push(indent((block.elements ?? []).map((e) => controlLabel(e, people)).filter(Boolean).join(' '), '  '));
        break;
      default:
        break;
    }
  }
  return out.join('\n');
}
