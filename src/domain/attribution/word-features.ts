import type { WorkItem } from '../work-item.js';
import type { BucketTable } from './bucket-table.js';
import { BUCKETS, pairHash, wordHashes, words as wordsOf } from './text-hashing.js';

/**
 * The hashed words and word pairs of an item's summary and description, as the attribution
 * model reads them, written into buffers reused from item to item.
 */

/** Where a hashed word was read. */
export const SUMMARY = 1;
export const DESCRIPTION = 2;

/** Hashed words, in buffers reused from item to item. */
export interface WordFeatures {
  n: number;
  buckets: Uint32Array;
  /** Each feature's full 32-bit hash: tells a word from another that shares its bucket. */
  hashes: Uint32Array;
  x: Float32Array;
  field: Uint8Array;
  /** Each word's row in a model's weights, once `rowsOf` (the model's bucket table) has looked them up: scoring and naming words share one look-up. */
  rows: Uint16Array;
  rowsOf: BucketTable | null;
  /** The texts read, and where the description's features start: to name a feature from the item's own words. */
  summary: string;
  description: string;
  descriptionStart: number;
}

/** Characters of each text the model reads: the opening says what an item is; pasted logs add noise. */
export const SUMMARY_CHARS = 300;
export const DESCRIPTION_CHARS = 500;
/** Description words count for less than summary words, as a reader weighs them. */
const DESCRIPTION_WEIGHT = 0.6;

const MAX_WORDS = 1024;
const wordScratch = new Uint32Array(MAX_WORDS);

export function newWordFeatures(): WordFeatures {
  const size = MAX_WORDS * 2;
  return {
    n: 0,
    buckets: new Uint32Array(size),
    hashes: new Uint32Array(size),
    x: new Float32Array(size),
    field: new Uint8Array(size),
    rows: new Uint16Array(size),
    rowsOf: null,
    summary: '',
    description: '',
    descriptionStart: 0,
  };
}

/** Words and word pairs of one text, scaled so a long text weighs no more than a short one. */
function addWords(out: WordFeatures, text: string, limit: number, field: number, weight: number): void {
  const n = wordHashes(text, limit, wordScratch);
  if (n === 0) return;
  const x = weight / Math.sqrt(2 * n - 1);
  let previous = 0;
  for (let i = 0; i < n && out.n + 2 <= out.buckets.length; i++) {
    const h = wordScratch[i] as number;
    out.hashes[out.n] = h;
    out.buckets[out.n] = h & (BUCKETS - 1);
    out.x[out.n] = x;
    out.field[out.n++] = field;
    if (i > 0) {
      const pair = pairHash(previous, h);
      out.hashes[out.n] = pair;
      out.buckets[out.n] = pair & (BUCKETS - 1);
      out.x[out.n] = x;
      out.field[out.n++] = field;
    }
    previous = h;
  }
}

/** Reads the item's summary and description words into `words`, replacing what it held. */
export function readWords(item: Pick<WorkItem, 'summary' | 'description'>, words: WordFeatures): WordFeatures {
  words.n = 0;
  words.rowsOf = null;
  words.summary = item.summary;
  words.description = item.description;
  addWords(words, item.summary, SUMMARY_CHARS, SUMMARY, 1);
  words.descriptionStart = words.n;
  addWords(words, item.description, DESCRIPTION_CHARS, DESCRIPTION, DESCRIPTION_WEIGHT);
  return words;
}

/**
 * The word or word pair feature `i` stands for, read from the item's own text. A field's
 * features run word 0, then word i and the pair (i-1, i) for each later word.
 */
function termAt(words: WordFeatures, i: number): string {
  const summary = words.field[i] === SUMMARY;
  const list = summary ? wordsOf(words.summary, SUMMARY_CHARS) : wordsOf(words.description, DESCRIPTION_CHARS);
  const j = i - (summary ? 0 : words.descriptionStart);
  if (j % 2 === 1 || j === 0) return list[(j + 1) >> 1] as string;
  return `${list[j / 2 - 1]} ${list[j / 2]}`;
}

/** How feature `i` is named in a reason: `known` (a vocabulary's name, with its full hash) when it is that term, else the item's own word. */
export function termName(words: WordFeatures, i: number, known: string | undefined, knownHash: number): string {
  return known !== undefined && known !== '' && knownHash === words.hashes[i] ? known : termAt(words, i);
}
