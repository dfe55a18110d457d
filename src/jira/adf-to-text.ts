/**
 * Atlassian Document Format (Jira Cloud v3 rich text) to plain text. Headings and list items
 * keep their own lines so section detection ("Acceptance criteria") and cue matching work.
 */
interface AdfNode {
  type?: unknown;
  text?: unknown;
  attrs?: { text?: unknown; shortName?: unknown; url?: unknown } | null;
  content?: unknown;
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'listItem', 'codeBlock', 'blockquote', 'panel', 'tableRow', 'rule', 'mediaSingle', 'taskItem', 'decisionItem', 'expand']);

/** Depth limit: hostile or broken documents must not blow the stack. */
const MAX_DEPTH = 64;

function walk(node: unknown, out: string[], depth: number): void {
  if (!node || typeof node !== 'object' || depth > MAX_DEPTH) return;
  const n = node as AdfNode;
  switch (n.type) {
    case 'text':
      if (typeof n.text === 'string') out.push(n.text);
      return;
    case 'hardBreak':
      out.push('\n');
      return;
    case 'mention':
    case 'emoji':
    case 'status':
      if (typeof n.attrs?.text === 'string') out.push(n.attrs.text);
      else if (typeof n.attrs?.shortName === 'string') out.push(n.attrs.shortName);
      return;
    case 'inlineCard':
      if (typeof n.attrs?.url === 'string') out.push(n.attrs.url);
      return;
    default:
      break;
  }
  if (Array.isArray(n.content)) {
    for (const child of n.content) walk(child, out, depth + 1);
  }
  if (typeof n.type === 'string' && BLOCK_TYPES.has(n.type)) out.push('\n');
  if (n.type === 'tableCell' || n.type === 'tableHeader') out.push(' | ');
}

export function adfToText(doc: unknown): string {
  const out: string[] = [];
  walk(doc, out, 0);
  return out
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
