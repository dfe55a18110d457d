/**
 * Slack's limits for what who-owns posts, with the margin it keeps under them. Every
 * renderer (nudges and their threads, escalations, digests, acceptance reminders, App Home,
 * command answers) stays within these; what does not fit continues in a thread reply or
 * points to `/who-owns unclear`.
 */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  messageBlocks: 50,
  /** Blocks in a modal or the App Home tab. */
  surfaceBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  /** Slack truncates messages past 40,000 characters and advises staying under 12,000; we stay well under. */
  messageChars: 8000,
} as const;

interface AnyBlock {
  type: string;
  text?: { type: string; text: string };
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Clips every text to its block's limit and drops blocks past `maxBlocks`, so the message posts. */
export function withinLimits<T extends AnyBlock>(blocks: T[], maxBlocks: number = SLACK_LIMITS.messageBlocks): T[] {
  return blocks.slice(0, maxBlocks).map((block) => {
    if (!block.text) return block;
    const max = block.type === 'header' ? SLACK_LIMITS.headerText : SLACK_LIMITS.sectionText;
    return { ...block, text: { ...block.text, text: clip(block.text.text, max) } };
  });
}

/** Characters a message's texts add up to (every `text` in its blocks: what Slack counts against its size limits). */
export function messageChars(blocks: readonly unknown[]): number {
  let n = 0;
  JSON.stringify(blocks, (key, value: unknown) => {
    if (key === 'text' && typeof value === 'string') n += value.length;
    return value;
  });
  return n;
}

/** Lines as few sections as Slack's 3,000 characters per section allow, at most `maxSections`. */
export function lineSections(lines: readonly string[], maxSections = 5): { type: 'section'; text: { type: 'mrkdwn'; text: string } }[] {
  const texts: string[] = [];
  let current = '';
  for (const line of lines) {
    const next = current ? `${current}\n${line}` : line;
    if (next.length <= SLACK_LIMITS.sectionText) current = next;
    else {
      if (current) texts.push(current);
      current = clip(line, SLACK_LIMITS.sectionText);
    }
  }
  if (current) texts.push(current);
  return texts.slice(0, maxSections).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

/**
 * Splits consecutive groups of blocks (one item's blocks each) into messages that each stay
 * within the block and character limits, keeping `reserve` room in every message for its own
 * header and footer. Returns how many groups go into each message, in order.
 */
export function packGroups(groups: readonly (readonly unknown[])[], reserve: { blocks: number; chars: number }, maxGroups = Number.POSITIVE_INFINITY): number[] {
  const sizes: number[] = [];
  let count = 0;
  let blocks = reserve.blocks;
  let chars = reserve.chars;
  for (const group of groups) {
    const groupChars = messageChars(group);
    const full = count >= maxGroups || blocks + group.length > SLACK_LIMITS.messageBlocks || chars + groupChars > SLACK_LIMITS.messageChars;
    if (full && count > 0) {
      sizes.push(count);
      count = 0;
      blocks = reserve.blocks;
      chars = reserve.chars;
    }
    count++;
    blocks += group.length;
    chars += groupChars;
  }
  if (count > 0) sizes.push(count);
  return sizes;
}
