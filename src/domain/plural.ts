/** "1 item", "2 items"; `plural` for irregular words. */
export function count(n: number, word: string, plural = `${word}s`): string {
  return `${n} ${n === 1 ? word : plural}`;
}

/** The verb agreeing with a count: `agree(1, 'needs', 'need')` → "needs". */
export function agree(n: number, singular: string, plural: string): string {
  return n === 1 ? singular : plural;
}
