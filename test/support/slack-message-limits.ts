/**
 * What Slack refuses in a message or a view, from its Block Kit reference: at most 50 blocks
 * in a message and 100 in a modal or Home tab (`invalid_blocks` / `invalid_arguments`), 3,000
 * characters in a section's text, 150 in a header, 10 context elements, 25 elements in an
 * actions block, 10 section fields; `msg_too_long` past 40,000 characters of text.
 * The loopback Slack refuses with these; tests check renderers against them.
 */
interface Block {
  type?: string;
  text?: { text?: string };
  elements?: unknown[];
  fields?: unknown[];
}

export const SLACK_MESSAGE_BLOCKS = 50;
export const SLACK_VIEW_BLOCKS = 100;
export const SLACK_TEXT_CHARS = 40_000;

/** Why Slack would refuse these blocks, or undefined when it would take them. */
export function blockProblem(blocks: unknown, maxBlocks: number): string | undefined {
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks)) return 'blocks is not an array';
  if (blocks.length > maxBlocks) return `${blocks.length} blocks (at most ${maxBlocks})`;
  for (const [i, block] of (blocks as Block[]).entries()) {
    const text = block.text?.text ?? '';
    if (block.type === 'section' && text.length > 3000) return `block ${i}: section text of ${text.length} characters (at most 3000)`;
    if (block.type === 'header' && text.length > 150) return `block ${i}: header text of ${text.length} characters (at most 150)`;
    if (block.type === 'context' && (block.elements?.length ?? 0) > 10) return `block ${i}: ${block.elements?.length} context elements (at most 10)`;
    if (block.type === 'actions' && (block.elements?.length ?? 0) > 25) return `block ${i}: ${block.elements?.length} actions elements (at most 25)`;
    if ((block.fields?.length ?? 0) > 10) return `block ${i}: ${block.fields?.length} fields (at most 10)`;
  }
  return undefined;
}

/** Slack's error for a chat message body (chat.postMessage, chat.update, a response_url post). */
export function messageRefusal(body: Record<string, unknown>): string | undefined {
  if (String(body.text ?? '').length > SLACK_TEXT_CHARS) return 'msg_too_long';
  return blockProblem(body.blocks, SLACK_MESSAGE_BLOCKS) ? 'invalid_blocks' : undefined;
}

/** Slack's error for a view (views.publish, views.open, views.update). */
export function viewRefusal(body: Record<string, unknown>): string | undefined {
  const view = body.view as { blocks?: unknown } | undefined;
  return blockProblem(view?.blocks, SLACK_VIEW_BLOCKS) ? 'invalid_arguments' : undefined;
}
