import type { SignalId } from './defaults.js';
import { DESCRIPTION, type ItemFeatures, SUMMARY } from './features.js';
import { BUCKETS, HASH_BITS } from './text-hashing.js';

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
   * a 512 KB index and a dense table stay in cache where a BUCKETS × classes table would not.
   */
  rowOf: Uint16Array;
  /** Rows × classes; row 0 is all zeros. */
  weights: Float32Array;
  vocabulary: ReadonlyMap<number, string>;
  /** 1 for a weighted row whose bucket the vocabulary names: checked for every word, so a small flat array, not the map. */
  namedRow: Uint8Array;
}

/**
 * `[bucket, weight per class…]` rows into a bucket index (0: no row) and a dense table whose
 * row 0 is all zeros; `weights` is the table to fill, sized (rows + 1) × classes.
 */
export function indexRows<T extends Float32Array | Float64Array>(rows: readonly number[][], k: number, weights: T, what: string): { rowOf: Uint16Array; weights: T } {
  if (rows.length >= 0xffff) throw new Error(`${what}: ${rows.length} weighted buckets, more than this build indexes`);
  const rowOf = new Uint16Array(BUCKETS);
  rows.forEach((entry, i) => {
    rowOf[entry[0] as number] = i + 1;
    for (let c = 0; c < k; c++) weights[(i + 1) * k + c] = entry[c + 1] as number;
  });
  return { rowOf, weights };
}

export function loadModel(file: ModelFile): AttributionModel {
  if (file.format !== 1 || file.hashBits !== HASH_BITS) throw new Error(`attribution model ${file.version}: format ${file.format}/${file.hashBits} bits is not the one this build reads`);
  const { rowOf, weights } = indexRows(file.weights, file.classes.length, new Float32Array((file.weights.length + 1) * file.classes.length), `attribution model ${file.version}`);
  return {
    version: file.version,
    classes: file.classes,
    temperature: file.temperature,
    threshold: file.threshold,
    bias: Float64Array.from(file.bias),
    rowOf,
    weights,
    vocabulary: new Map(Object.entries(file.vocabulary).map(([b, name]) => [Number(b), name])),
    namedRow: Object.keys(file.vocabulary).reduce((flags, b) => {
      const row = rowOf[Number(b)] as number;
      if (row !== 0) flags[row] = 1;
      return flags;
    }, new Uint8Array(file.weights.length + 1)),
  };
}

export type SignalScale = (signal: SignalId) => number;

/** Model logits (before temperature) into `out`; `scale` is the team's weight per signal. */
export function modelLogits(model: AttributionModel, features: ItemFeatures, scale: SignalScale, out: Float64Array): void {
  const k = model.classes.length;
  const w = model.weights;
  const rowOf = model.rowOf;
  for (let c = 0; c < k; c++) out[c] = model.bias[c] as number;
  for (const f of features.named) {
    const x = f.x * scale(f.signal);
    if (x === 0) continue;
    const row = (model.rowOf[f.bucket] as number) * k;
    for (let c = 0; c < k; c++) out[c] = (out[c] as number) + x * (w[row + c] as number);
  }
  const words = features.words;
  const wordScale = scale('words');
  if (wordScale === 0) return;
  for (let i = 0; i < words.n; i++) {
    const x = (words.x[i] as number) * wordScale;
    const r = rowOf[words.buckets[i] as number] as number;
    if (r === 0) continue;
    const row = r * k;
    for (let c = 0; c < k; c++) out[c] = (out[c] as number) + x * (w[row + c] as number);
  }
}

/** One word-field's pull toward a class: the words that pulled hardest, strongest first. */
export interface WordPull {
  field: 'summary' | 'description';
  weight: number;
  words: string[];
}

const TOP_WORDS = 3;

interface TopWords {
  total: number;
  entries: [number, number][];
}

/** Keeps the TOP_WORDS strongest distinct words, strongest first; on a tie the earlier word stays ahead. */
function offer(top: TopWords, entry: number, d: number, words: ItemFeatures['words']): void {
  const entries = top.entries;
  const last = entries[TOP_WORDS - 1];
  if (last && d <= last[1]) return;
  let at = entries.length;
  for (let j = 0; j < entries.length; j++) {
    const held = entries[j] as [number, number];
    if (words.buckets[held[0]] === words.buckets[entry]) return;
    if (at === entries.length && held[1] < d) at = j;
  }
  entries.splice(at, 0, [entry, d]);
  if (entries.length > TOP_WORDS) entries.pop();
}

/**
 * How much the words of each field pull class `c` ahead of class `against` (and the reverse),
 * after temperature, naming the strongest words the vocabulary knows. One pass over the words.
 */
export function wordPulls(model: AttributionModel, features: ItemFeatures, scale: SignalScale, c: number, against: number): { toward: WordPull[]; away: WordPull[] } {
  const k = model.classes.length;
  const w = model.weights;
  const words = features.words;
  const wordScale = scale('words') / model.temperature;
  // [field][direction]: SUMMARY/DESCRIPTION × toward c / toward `against`.
  const tops: TopWords[][] = [[], [{ total: 0, entries: [] }, { total: 0, entries: [] }], [{ total: 0, entries: [] }, { total: 0, entries: [] }]];
  if (wordScale !== 0) {
    for (let i = 0; i < words.n; i++) {
      const bucket = words.buckets[i] as number;
      const r = model.rowOf[bucket] as number;
      if (r === 0) continue;
      const row = r * k;
      const d = wordScale * (words.x[i] as number) * ((w[row + c] as number) - (w[row + against] as number));
      if (d === 0) continue;
      const field = tops[words.field[i] as number] as TopWords[];
      const toward = field[0] as TopWords;
      const away = field[1] as TopWords;
      toward.total += d;
      away.total -= d;
      if (model.namedRow[r] === 1) offer(d > 0 ? toward : away, i, Math.abs(d), words);
    }
  }
  const pulls = (direction: 0 | 1): WordPull[] =>
    [SUMMARY, DESCRIPTION].flatMap((field) => {
      const top = (tops[field] as TopWords[])[direction] as TopWords;
      if (top.total <= 0 || top.entries.length === 0) return [];
      return [{ field: field === SUMMARY ? ('summary' as const) : ('description' as const), weight: top.total, words: top.entries.map(([i]) => model.vocabulary.get(words.buckets[i] as number) as string) }];
    });
  return { toward: pulls(0), away: pulls(1) };
}

/** A named feature's pull of class `c` ahead of class `against`, after temperature. */
export function namedPull(model: AttributionModel, bucket: number, x: number, c: number, against: number): number {
  const k = model.classes.length;
  const row = (model.rowOf[bucket] as number) * k;
  return (x * ((model.weights[row + c] as number) - (model.weights[row + against] as number))) / model.temperature;
}
