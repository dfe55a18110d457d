import type { ItemFeatures } from '../attribution/features.js';
import { type BucketTable, lookUp } from '../attribution/bucket-table.js';
import { indexRows, type SignalScale } from '../attribution/model.js';
import { termHash } from '../attribution/text-hashing.js';
import { termName } from '../attribution/word-features.js';
import type { SuggestedRule } from './suggest-rules.js';

/**
 * What a site's own decisions taught: offsets added to the global model's calibrated logits, for
 * the named features and words that occurred in the site's decided items. Offsets start at zero
 * (the global model) and move only as far as the decisions push them against a strong penalty.
 * Stored as JSON (`SiteAdjustmentFile`); it can always be fitted again from the decisions.
 */
export interface SiteAdjustmentFile {
  format: 1;
  /** The global model the offsets sit on: another model means a refit, not a reuse. */
  modelVersion: string;
  classes: string[];
  /** Decisions the offsets were fitted on, and by how many people. */
  decisions: number;
  people: number;
  bias: number[];
  /** [bucket, offset per class…] */
  weights: number[][];
  /** Names of word buckets, for reasons. */
  words: Record<string, string>;
  /** Rules the team adopted from suggestions: they apply as the team file's maps do. */
  rules?: SuggestedRule[];
}

export interface SiteAdjustment {
  modelVersion: string;
  classes: readonly string[];
  decisions: number;
  people: number;
  bias: Float64Array;
  /** Row of each bucket in `weights`, 0 for none: checked for every word, so indexed as in the model. */
  rows: BucketTable;
  /** Rows × classes; row 0 is all zeros. */
  weights: Float64Array;
  words: ReadonlyMap<number, string>;
  /** Adopted rules by team, then by `kind:value` (value lower-cased). */
  rules: ReadonlyMap<string, ReadonlyMap<string, SuggestedRule>>;
}

export function loadSiteAdjustment(file: SiteAdjustmentFile): SiteAdjustment {
  const { rows, weights } = indexRows(file.weights, file.classes.length, new Float64Array((file.weights.length + 1) * file.classes.length), 'site adjustment');
  return {
    modelVersion: file.modelVersion,
    classes: file.classes,
    decisions: file.decisions,
    people: file.people,
    bias: Float64Array.from(file.bias),
    rows,
    weights,
    words: new Map(Object.entries(file.words).map(([b, name]) => [Number(b), name])),
    rules: (file.rules ?? []).reduce((byTeam, rule) => {
      const team = byTeam.get(rule.teamId) ?? new Map<string, SuggestedRule>();
      team.set(`${rule.kind}:${rule.value.trim().toLowerCase()}`, rule);
      return byTeam.set(rule.teamId, team);
    }, new Map<string, Map<string, SuggestedRule>>()),
  };
}

/** Offsets that change nothing, to carry adopted rules when no decision is left to learn from. */
export function emptyAdjustment(modelVersion: string, classes: readonly string[]): SiteAdjustmentFile {
  return { format: 1, modelVersion, classes: [...classes], decisions: 0, people: 0, bias: classes.map(() => 0), weights: [], words: {} };
}

/** Adds the site's offsets for the item's features to calibrated logits `z` (model classes first). */
export function addSiteLogits(adjustment: SiteAdjustment, features: ItemFeatures, scale: SignalScale, z: Float64Array): void {
  const k = adjustment.classes.length;
  const w = adjustment.weights;
  for (let c = 0; c < k; c++) z[c] = (z[c] as number) + (adjustment.bias[c] as number);
  for (const f of features.named) {
    const row = lookUp(adjustment.rows, f.bucket);
    if (row === 0) continue;
    const x = f.x * scale(f.signal);
    for (let c = 0; c < k; c++) z[c] = (z[c] as number) + x * (w[row * k + c] as number);
  }
  const words = features.words;
  const wordScale = scale('words');
  if (wordScale === 0) return;
  for (let i = 0; i < words.n; i++) {
    const row = lookUp(adjustment.rows, words.buckets[i] as number);
    if (row === 0) continue;
    const x = (words.x[i] as number) * wordScale;
    for (let c = 0; c < k; c++) z[c] = (z[c] as number) + x * (w[row * k + c] as number);
  }
}

/** One learned pull of class `c` ahead of `against`: what it was and how strong. */
export interface LearnedPull {
  what: string;
  weight: number;
}

/**
 * The item's features whose learned offsets pull `c` ahead of `against` (negative: toward
 * `against`), strongest first; the site-wide lean is one of them when it matters.
 */
export function learnedPulls(adjustment: SiteAdjustment, features: ItemFeatures, scale: SignalScale, c: number, against: number): LearnedPull[] {
  const k = adjustment.classes.length;
  const w = adjustment.weights;
  const diff = (row: number) => (w[row * k + c] as number) - (w[row * k + against] as number);
  const pulls: LearnedPull[] = [];
  const lean = (adjustment.bias[c] as number) - (adjustment.bias[against] as number);
  if (lean !== 0) pulls.push({ what: "this site's decisions overall", weight: lean });
  const seen = new Set<number>();
  for (const f of features.named) {
    const row = lookUp(adjustment.rows, f.bucket);
    if (row === 0 || seen.has(f.bucket)) continue;
    seen.add(f.bucket);
    pulls.push({ what: f.text, weight: f.x * scale(f.signal) * diff(row) });
  }
  const words = features.words;
  const wordScale = scale('words');
  // By full hash: two words sharing a bucket are two words to a reader.
  const byWord = new Map<number, { feature: number; weight: number }>();
  for (let i = 0; i < words.n && wordScale !== 0; i++) {
    const bucket = words.buckets[i] as number;
    const row = lookUp(adjustment.rows, bucket);
    if (row === 0 || !adjustment.words.has(bucket)) continue;
    const hash = words.hashes[i] as number;
    const entry = byWord.get(hash) ?? { feature: i, weight: 0 };
    entry.weight += (words.x[i] as number) * wordScale * diff(row);
    byWord.set(hash, entry);
  }
  for (const { feature, weight } of byWord.values()) {
    const known = adjustment.words.get(words.buckets[feature] as number) as string;
    pulls.push({ what: `the word ‘${termName(words, feature, known, termHash(known))}’`, weight });
  }
  return pulls.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
}
