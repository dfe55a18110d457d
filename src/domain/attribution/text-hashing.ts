import { eng } from 'stopword';
import { bucketTable, lookUp } from './bucket-table.js';

/**
 * Words and word pairs of a text as hashed feature ids, without allocating a string per word:
 * attribution runs a few hundred thousand items a second, and most words are never looked up
 * by name. Only the words that moved a verdict are named: from the model's vocabulary when the
 * full hash matches, else from the item's own text (two words can share a bucket).
 */

/** 2^18 feature buckets: collisions stay rare for a vocabulary of tens of thousands of words. */
export const HASH_BITS = 18;
export const BUCKETS = 1 << HASH_BITS;
const MASK = BUCKETS - 1;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Words longer than this are hashes, paths or base64, not language. */
const MAX_WORD = 30;

function fnv(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

/** 32-bit hash of a string (FNV-1a over UTF-16 code units). */
export function fullHash(text: string, seed = FNV_OFFSET): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = fnv(h, text.charCodeAt(i));
  return h >>> 0;
}

/** Bucket of a named feature (`f:sprint=closed`, `w:pricing`). */
export function bucketOf(name: string): number {
  return fullHash(name) & MASK;
}

/** Full 32-bit hash of a word pair from its two word hashes: Murmur3's finaliser spreads their combination over all bits. */
export function pairHash(a: number, b: number): number {
  let h = (Math.imul(a, 31) + b) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function pairBucket(first: number, second: number): number {
  return pairHash(first, second) & MASK;
}

const WORD_SEED = fullHash('w:');

/**
 * Function words ("to", "the", "for") and numbers are skipped: they say how a tracker's authors
 * write, not whose work an item is, and a reason naming them explains nothing.
 */
const STOP = bucketTable(eng.map((word) => [fullHash(word, WORD_SEED) & MASK, 1] as const));

function skipped(hash: number, digits: boolean): boolean {
  return digits || lookUp(STOP, hash & MASK) === 1;
}

/** Letters and digits of any script are word characters; punctuation and spaces split words. */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  // No-break space, general punctuation (quotes, dashes), CJK punctuation, BOM.
  return c !== 0xa0 && !(c >= 0x2000 && c <= 0x206f) && !(c >= 0x3000 && c <= 0x303f) && c !== 0xfeff;
}

/** ASCII and Latin-1 upper case to lower case; other scripts are kept as written. */
function lower(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
  return c;
}

/** Per ASCII code: its lower-case form when it is a word character, else 0. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (isWordChar(c)) ASCII_WORD[c] = lower(c);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** UTF-8 bytes of the text being read: a typed-array loop reads several times faster than `charCodeAt`. */
let bytes = new Uint8Array(4096);
const utf8 = new TextEncoder();

/**
 * Full 32-bit hashes of the words of `text` (up to `limit` characters) into `out`, in order;
 * returns how many. Words of one character, function words and numbers are dropped. Words are
 * hashed over their UTF-16 code units, as `fullHash` hashes names; a lone surrogate reads as
 * U+FFFD, as `words` reads it.
 */
export function wordHashes(text: string, limit: number, out: Uint32Array): number {
  const read = text.length > limit ? text.slice(0, limit) : text;
  // A UTF-16 code unit is at most 3 UTF-8 bytes.
  if (bytes.length < read.length * 3) bytes = new Uint8Array(read.length * 3);
  const end = utf8.encodeInto(read, bytes).written;
  let n = 0;
  let p = 0;
  /** The second code unit of a character outside the BMP, read next. */
  let low = 0;
  let h = WORD_SEED;
  let length = 0;
  let digits = true;
  while (n < out.length) {
    let c: number;
    if (low !== 0) {
      c = low;
      low = 0;
    } else if (p === end) c = -1;
    else {
      const b = bytes[p] as number;
      if (b < 0x80) {
        c = b;
        p += 1;
      } else if (b < 0xe0) {
        c = ((b & 0x1f) << 6) | ((bytes[p + 1] as number) & 0x3f);
        p += 2;
      } else if (b < 0xf0) {
        c = ((b & 0x0f) << 12) | (((bytes[p + 1] as number) & 0x3f) << 6) | ((bytes[p + 2] as number) & 0x3f);
        p += 3;
      } else {
        const point = (((b & 0x07) << 18) | (((bytes[p + 1] as number) & 0x3f) << 12) | (((bytes[p + 2] as number) & 0x3f) << 6) | ((bytes[p + 3] as number) & 0x3f)) - 0x10000;
        c = 0xd800 + (point >> 10);
        low = 0xdc00 + (point & 0x3ff);
        p += 4;
      }
    }
    // ASCII through the table (most text); other scripts through the full rules.
    const code = c < 0 ? 0 : c < 128 ? (ASCII_WORD[c] as number) : isWordChar(c) ? lower(c) : 0;
    if (code !== 0) {
      if (length === 0) {
        h = WORD_SEED;
        digits = true;
      }
      if (code < 48 || code > 57) digits = false;
      h = fnv(h, code);
      length++;
      continue;
    }
    if (length >= 2 && length <= MAX_WORD && !skipped(h >>> 0, digits)) out[n++] = h >>> 0;
    length = 0;
    if (c < 0) break;
  }
  return n;
}

/** The same words as `wordHashes`, as strings: for naming vocabulary entries when a model is trained. */
export function words(text: string, limit: number): string[] {
  const read = text.slice(0, limit).toWellFormed();
  const end = read.length;
  const result: string[] = [];
  let i = 0;
  while (i < end) {
    while (i < end && !isWordChar(read.charCodeAt(i))) i++;
    let word = '';
    let digits = true;
    while (i < end && isWordChar(read.charCodeAt(i))) {
      const c = lower(read.charCodeAt(i));
      if (!isDigit(c)) digits = false;
      word += String.fromCharCode(c);
      i++;
    }
    if (word.length < 2 || word.length > MAX_WORD || skipped(wordHash(word), digits)) continue;
    result.push(word);
  }
  return result;
}

/** Hash of a word as `wordHashes` computes it. */
export function wordHash(word: string): number {
  return fullHash(word, WORD_SEED);
}

/** Full hash of a word (`pricing`) or word pair (`market share`) as attribution hashes it. */
export function termHash(term: string): number {
  const space = term.indexOf(' ');
  return space < 0 ? wordHash(term) : pairHash(wordHash(term.slice(0, space)), wordHash(term.slice(space + 1)));
}

/** Names every word and word-pair bucket of `text` the way attribution hashes it: `name(bucket, text)`. */
export function nameWordBuckets(text: string, limit: number, name: (bucket: number, text: string) => void): void {
  const list = words(text, limit);
  list.forEach((word, i) => {
    name(wordHash(word) & MASK, word);
    if (i > 0) name(pairBucket(wordHash(list[i - 1] as string), wordHash(word)), `${list[i - 1]} ${word}`);
  });
}
