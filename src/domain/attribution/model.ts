import type { SignalId } from './defaults.js';
import { DESCRIPTION, type ItemFeatures, SUMMARY } from './features.js';
import { type BucketTable, bucketTable, lookUp } from './bucket-table.js';
import { HASH_BITS, termHash } from './text-hashing.js';
import { termName } from './word-features.js';

/**
 * The attribution model: a regularised multinomial logistic regression over named features and
 * hashed words, fitted by `npm run train` and shipped as JSON. Scoring is a sum of weights per
 * feature, so every verdict can say which features moved it and by how much.
 */
export interface ModelFile {
  format: 1;
  version: string;
  classes: string[];
  hashBits: number;
  /** Divides the logits: fitted on held-out predictions so probabilities mean what they say. */
  temperature: number;
  /** Below this probability for PO or PM the answer is `unclear`. */
  threshold: number;
  bias: number[];
  /** [bucket, weight per class…], only buckets with a weight. */
  weights: number[][];
  /** Names of word buckets, to say which words moved a verdict. */
  vocabulary: Record<string, string>;
  trainedOn: Record<string, unknown>;
}

export interface AttributionModel {
  version: string;
  classes: readonly string[];
  temperature: number;
  threshold: number;
  bias: Float64Array;
  /**
   * Row of each bucket in `weights` (0: no weight). Only a few thousand buckets carry a weight:
   * a small index and a dense table stay in cache where a BUCKETS × classes table would not.
   */
  rows: BucketTable;
  /** Rows × classes; row 0 is all zeros. */
  weights: Float32Array;
  /** The word or word pair each weighted row stands for, '' where the vocabulary names none: how a verdict names its words. */
  rowWords: readonly string[];
  /** Full hash of each row's word: a word of the item that only shares the row's bucket is named as the item writes it. */
  rowHashes: Uint32Array;
}

/**
 * `[bucket, weight per class…]` rows into a bucket index (0: no row) and a dense table whose
 * row 0 is all zeros; `weights` is the table to fill, sized (rows + 1) × classes.
 */
export function indexRows<T extends Float32Array | Float64Array>(rows: readonly number[][], k: number, weights: T, what: string): { rows: BucketTable; weights: T } {
  if (rows.length >= 0xffff) throw new Error(`${what}: ${rows.length} weighted buckets, more than this build indexes`);
  rows.forEach((entry, i) => {
    for (let c = 0; c < k; c++) weights[(i + 1) * k + c] = entry[c + 1] as number;
  });
  return { rows: bucketTable(rows.map((entry, i) => [entry[0] as number, i + 1] as const)), weights };
}

export function loadModel(file: ModelFile): AttributionModel {
  if (file.format !== 1 || file.hashBits !== HASH_BITS) throw new Error(`attribution model ${file.version}: format ${file.format}/${file.hashBits} bits is not the one this build reads`);
  const { rows, weights } = indexRows(file.weights, file.classes.length, new Float32Array((file.weights.length + 1) * file.classes.length), `attribution model ${file.version}`);
  const rowWords = Array.from({ length: file.weights.length + 1 }, () => '');
  const rowHashes = new Uint32Array(file.weights.length + 1);
  for (const [b, name] of Object.entries(file.vocabulary)) {
    const row = lookUp(rows, Number(b));
    if (row === 0) continue;
    rowWords[row] = name;
    rowHashes[row] = termHash(name);
  }
  return {
    version: file.version,
    classes: file.classes,
    temperature: file.temperature,
    threshold: file.threshold,
    bias: Float64Array.from(file.bias),
    rows,
    weights,
    rowWords,
    rowHashes,
  };
}

export type SignalScale = (signal: SignalId) => number;

/** Model logits (before temperature) into `out`; `scale` is the team's weight per signal. */
export function modelLogits(model: AttributionModel, features: ItemFeatures, scale: SignalScale, out: Float64Array): void {
  const k = model.classes.length;
  const w = model.weights;
  for (let c = 0; c < k; c++) out[c] = model.bias[c] as number;
  for (const f of features.named) {
    const x = f.x * scale(f.signal);
    if (x === 0) continue;
    const row = lookUp(model.rows, f.bucket) * k;
    for (let c = 0; c < k; c++) out[c] = (out[c] as number) + x * (w[row + c] as number);
  }
  const words = features.words;
  const wordScale = scale('words');
  if (wordScale === 0) return;
  for (let i = 0; i < words.n; i++) {
    const x = (words.x[i] as number) * wordScale;
    const r = lookUp(model.rows, words.buckets[i] as number);
    words.rows[i] = r;
    if (r === 0) continue;
    const row = r * k;
    for (let c = 0; c < k; c++) out[c] = (out[c] as number) + x * (w[row + c] as number);
  }
  words.rowsOf = model.rows;
}

/** One word-field's pull toward a class: the words that pulled hardest, strongest first. */
export interface WordPull {
  field: 'summary' | 'description';
  weight: number;
  words: string[];
}

const TOP_WORDS = 3;
/** Lists of strongest words, one per field and direction: [SUMMARY toward, SUMMARY away, DESCRIPTION toward, DESCRIPTION away]. */
const LISTS = 4;
/** Each listed word's feature index in the item's words. */
const topFeature = new Int32Array(LISTS * TOP_WORDS);
const topPull = new Float64Array(LISTS * TOP_WORDS);
const topCount = new Uint8Array(LISTS);
const fieldTotal = new Float64Array(3);

/**
 * Keeps list `list`'s TOP_WORDS strongest distinct words (by full hash), strongest first; on a
 * tie the earlier word stays ahead.
 */
function offer(hashes: Uint32Array, list: number, feature: number, d: number): void {
  const base = list * TOP_WORDS;
  const count = topCount[list] as number;
  if (count === TOP_WORDS && d <= (topPull[base + TOP_WORDS - 1] as number)) return;
  const hash = hashes[feature] as number;
  let at = count;
  for (let j = 0; j < count; j++) {
    if (hashes[topFeature[base + j] as number] === hash) return;
    if (at === count && (topPull[base + j] as number) < d) at = j;
  }
  for (let j = Math.min(count, TOP_WORDS - 1); j > at; j--) {
    topFeature[base + j] = topFeature[base + j - 1] as number;
    topPull[base + j] = topPull[base + j - 1] as number;
  }
  // A full list only gets here when the word beats its last entry, so `at` is inside the list.
  topFeature[base + at] = feature;
  topPull[base + at] = d;
  topCount[list] = Math.min(TOP_WORDS, count + 1);
}

/**
 * How much the words of each field pull class `c` ahead of class `against` (and the reverse),
 * after temperature, naming the strongest words. One pass over the words, into scratch tables:
 * it runs for every item attributed.
 */
export function wordPulls(model: AttributionModel, features: ItemFeatures, scale: SignalScale, c: number, against: number): { toward: WordPull[]; away: WordPull[] } {
  const k = model.classes.length;
  const w = model.weights;
  const words = features.words;
  const wordScale = scale('words') / model.temperature;
  topCount.fill(0);
  fieldTotal.fill(0);
  if (wordScale !== 0) {
    const looked = words.rowsOf === model.rows;
    for (let i = 0; i < words.n; i++) {
      const r = looked ? (words.rows[i] as number) : lookUp(model.rows, words.buckets[i] as number);
      if (r === 0) continue;
      const row = r * k;
      const d = wordScale * (words.x[i] as number) * ((w[row + c] as number) - (w[row + against] as number));
      if (d === 0) continue;
      const field = words.field[i] as number;
      fieldTotal[field] = (fieldTotal[field] as number) + d;
      offer(words.hashes, (field - 1) * 2 + (d > 0 ? 0 : 1), i, Math.abs(d));
    }
  }
  const toward: WordPull[] = [];
  const away: WordPull[] = [];
  for (const field of [SUMMARY, DESCRIPTION]) {
    const total = fieldTotal[field] as number;
    // Toward `against` is the same sum with its sign turned.
    for (const [direction, weight, pulls] of [[0, total, toward], [1, -total, away]] as const) {
      const list = (field - 1) * 2 + direction;
      const count = topCount[list] as number;
      if (weight <= 0 || count === 0) continue;
      const named: string[] = [];
      for (let j = 0; j < count; j++) {
        const i = topFeature[list * TOP_WORDS + j] as number;
        const r = lookUp(model.rows, words.buckets[i] as number);
        named.push(termName(words, i, model.rowWords[r], model.rowHashes[r] as number));
      }
      pulls.push({ field: field === SUMMARY ? 'summary' : 'description', weight, words: named });
    }
  }
  return { toward, away };
}

/** A named feature's pull of class `c` ahead of class `against`, after temperature. */
export function namedPull(model: AttributionModel, bucket: number, x: number, c: number, against: number): number {
  const k = model.classes.length;
  const row = lookUp(model.rows, bucket) * k;
  return (x * ((model.weights[row + c] as number) - (model.weights[row + against] as number))) / model.temperature;
}
