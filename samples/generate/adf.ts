/**
 * Atlassian Document Format builder. Descriptions in the item tables are written in a tiny
 * markdown-like notation and turned into the ADF documents Jira Cloud returns in API v3:
 *   `# Heading` (level 2), `## Heading` (level 3), `- item`, `1. item`, fenced code blocks,
 *   `!info text` / `!warning text` panels, and inline `**strong**`, `_em_`, `` `code` ``, `[text](url)`.
 * Lines inside one paragraph are joined with hardBreak nodes, as the Jira editor does.
 */

export interface AdfMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  text?: string;
  marks?: AdfMark[];
}

export interface AdfDoc {
  version: 1;
  type: 'doc';
  content: AdfNode[];
}

const INLINE = /(\*\*[^*]+\*\*|`[^`]+`|(?<!\w)_[^_\s][^_]*_(?!\w)|\[[^\]]+\]\([^)\s]+\))/;

export function inline(text: string): AdfNode[] {
  const nodes: AdfNode[] = [];
  for (const part of text.split(INLINE)) {
    if (part === '') continue;
    if (part.startsWith('**') && part.endsWith('**')) {
      nodes.push({ type: 'text', text: part.slice(2, -2), marks: [{ type: 'strong' }] });
    } else if (part.startsWith('`') && part.endsWith('`') && part.length > 2) {
      nodes.push({ type: 'text', text: part.slice(1, -1), marks: [{ type: 'code' }] });
    } else if (/^_[^_\s][^_]*_$/.test(part)) {
      nodes.push({ type: 'text', text: part.slice(1, -1), marks: [{ type: 'em' }] });
    } else if (/^\[[^\]]+\]\([^)\s]+\)$/.test(part)) {
      const label = part.slice(1, part.indexOf(']'));
      const href = part.slice(part.indexOf('(') + 1, -1);
      nodes.push({ type: 'text', text: label, marks: [{ type: 'link', attrs: { href } }] });
    } else {
      nodes.push({ type: 'text', text: part });
    }
  }
  return nodes;
}

function paragraph(lines: string[]): AdfNode {
  const content: AdfNode[] = [];
  lines.forEach((line, index) => {
    if (index > 0) content.push({ type: 'hardBreak' });
    content.push(...inline(line));
  });
  return { type: 'paragraph', content };
}

function list(type: 'bulletList' | 'orderedList', items: string[]): AdfNode {
  const node: AdfNode = {
    type,
    content: items.map((item) => ({ type: 'listItem', content: [paragraph([item])] })),
  };
  if (type === 'orderedList') node.attrs = { order: 1 };
  return node;
}

/** Converts the notation to an ADF document. */
export function adf(source: string): AdfDoc {
  const content: AdfNode[] = [];
  const lines = source.trim().split('\n');
  let index = 0;
  while (index < lines.length) {
    const line = (lines[index] ?? '').trimEnd();
    if (line.trim() === '') {
      index++;
    } else if (line.startsWith('```')) {
      const language = line.slice(3).trim();
      const body: string[] = [];
      index++;
      while (index < lines.length && !(lines[index] ?? '').startsWith('```')) body.push(lines[index++] ?? '');
      index++;
      const block: AdfNode = { type: 'codeBlock', content: [{ type: 'text', text: body.join('\n') }] };
      if (language) block.attrs = { language };
      content.push(block);
    } else if (line.startsWith('## ') || line.startsWith('# ')) {
      const level = line.startsWith('## ') ? 3 : 2;
      content.push({ type: 'heading', attrs: { level }, content: inline(line.replace(/^#+ /, '')) });
      index++;
    } else if (line.startsWith('!info ') || line.startsWith('!warning ') || line.startsWith('!note ')) {
      const panelType = line.slice(1, line.indexOf(' '));
      content.push({ type: 'panel', attrs: { panelType }, content: [paragraph([line.slice(line.indexOf(' ') + 1)])] });
      index++;
    } else if (/^(- |\d+\. )/.test(line)) {
      const ordered = !line.startsWith('- ');
      const items: string[] = [];
      while (index < lines.length && (ordered ? /^\d+\. /.test(lines[index] ?? '') : (lines[index] ?? '').startsWith('- '))) {
        items.push((lines[index] ?? '').replace(/^(- |\d+\. )/, '').trim());
        index++;
      }
      content.push(list(ordered ? 'orderedList' : 'bulletList', items));
    } else {
      const body: string[] = [];
      while (index < lines.length) {
        const next = (lines[index] ?? '').trimEnd();
        if (next.trim() === '' || /^(- |\d+\. |#|```|!info |!warning |!note )/.test(next)) break;
        body.push(next.trim());
        index++;
      }
      content.push(paragraph(body));
    }
  }
  return { version: 1, type: 'doc', content };
}
