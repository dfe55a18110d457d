/** Slack's limits for a message, with the margins the digest keeps under them. */
export const DIGEST_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  /** Slack truncates messages past 40,000 characters and advises staying under 12,000; we stay well under. */
  totalChars: 8000,
} as const;

interface AnyBlock {
  type: string;
  text?: { type: string; text: string };
  elements?: { type: string; text?: string | { type: string; text: string } }[];
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Clips every text to its block's limit and drops blocks past 50, so any digest posts. */
export function withinLimits<T extends AnyBlock>(blocks: T[]): T[] {
  const kept = blocks.slice(0, DIGEST_LIMITS.blocks).map((block) => {
    if (!block.text) return block;
    const max = block.type === 'header' ? DIGEST_LIMITS.headerText : DIGEST_LIMITS.sectionText;
    return { ...block, text: { ...block.text, text: clip(block.text.text, max) } };
  });
  return kept;
}

/** Characters a message's texts add up to (what Slack counts against its size limits). */
export function messageChars(blocks: readonly AnyBlock[]): number {
  let n = 0;
  for (const b of blocks) {
    n += b.text?.text.length ?? 0;
    for (const e of b.elements ?? []) n += typeof e.text === 'string' ? e.text.length : (e.text?.text.length ?? 0);
  }
  return n;
}
