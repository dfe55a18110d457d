/**
 * Fits the attribution model on labelled examples: chooses the regularisation by inner
 * cross-validation, fits the temperature and the `unclear` threshold on the inner folds'
 * held-out predictions (never on items a weight was fitted on), then fits the weights on all
 * the examples given. The result is the JSON file the product ships.
 */
import { createHash } from 'node:crypto';
import { decide } from '../../src/domain/attribution/decide.js';
import { DESCRIPTION_CHARS, extractFeatures, namedBucket, newWordFeatures, SUMMARY_CHARS } from '../../src/domain/attribution/features.js';
import { indexTeams } from '../../src/domain/attribution/compile-teams.js';
import type { ModelFile } from '../../src/domain/attribution/model.js';
import { HASH_BITS, nameWordBuckets } from '../../src/domain/attribution/text-hashing.js';
import { CLASSES, type Example } from './corpus.js';
import { PRIOR_MEANS } from './priors.js';
import { fitSoftmax, rowLogits, softmaxInPlace, type SparseRow } from '../../src/domain/learning/softmax-regression.js';

const K = CLASSES.length;
const FALLBACK = indexTeams([]).fallback;

interface Encoded {
  key: string;
  label: number;
  stratum: string;
  named: { name: string; bucket: number; x: number }[];
  words: { bucket: number; x: number }[];
}

export interface Hyper {
  /** Penalty on word weights (toward zero). */
  wordLambda: number;
  /** Penalty on named-feature weights (toward their prior). */
  namedLambda: number;
  /** Class weight = (share of the class)^−classPower: rare classes count for more. */
  classPower: number;
}

export const GRID: readonly Hyper[] = [0.03, 0.1, 0.3].flatMap((wordLambda) => [0.5, 1].map((classPower) => ({ wordLambda, namedLambda: 1, classPower })));

/** Words seen in fewer items than this are dropped: one item's words are its own, not a pattern. */
const MIN_ITEMS_PER_WORD = 2;
const INNER_FOLDS = 5;

export function encode(examples: readonly Example[]): { encoded: Encoded[]; vocabulary: Map<number, string> } {
  const vocabulary = new Map<number, string>();
  const name = (bucket: number, text: string) => {
    if (!vocabulary.has(bucket)) vocabulary.set(bucket, text);
  };
  const encoded = examples.map((example) => {
    const buffer = newWordFeatures();
    const features = extractFeatures({ item: example.item, settings: FALLBACK, words: buffer });
    const wordList: { bucket: number; x: number }[] = [];
    for (let i = 0; i < buffer.n; i++) wordList.push({ bucket: buffer.buckets[i] as number, x: buffer.x[i] as number });
    nameWordBuckets(example.item.summary, SUMMARY_CHARS, name);
    nameWordBuckets(example.item.description, DESCRIPTION_CHARS, name);
    return {
      key: example.item.key,
      label: example.label,
      stratum: `${example.source}/${example.label}`,
      named: features.named.map((f) => ({ name: f.name, bucket: f.bucket, x: f.x })),
      words: wordList,
    };
  });
  return { encoded, vocabulary };
}

/**
 * Deterministic stratified folds: items of each source and label dealt round-robin in key-hash
 * order. A different `assignment` deals them differently, from the same items.
 */
export function folds<T extends { key: string; stratum: string }>(items: readonly T[], k: number, assignment = ''): number[] {
  const order = items.map((item, i) => ({ i, stratum: item.stratum, h: createHash('sha1').update(item.key + assignment).digest('hex') }));
  order.sort((a, b) => (a.stratum < b.stratum ? -1 : a.stratum > b.stratum ? 1 : a.h < b.h ? -1 : a.h > b.h ? 1 : 0));
  const fold = new Array<number>(items.length);
  let next = 0;
  for (const o of order) fold[o.i] = next++ % k;
  return fold;
}

interface Fitted {
  weights: Map<number, Float64Array>;
  bias: Float64Array;
}

function priorFor(name: string): Float64Array | undefined {
  const prior = PRIOR_MEANS[name];
  if (!prior) return undefined;
  const mean = new Float64Array(K);
  const values = CLASSES.map((c) => prior[c] ?? 0);
  const centre = values.reduce((a, b) => a + b, 0) / K;
  values.forEach((v, c) => {
    mean[c] = v - centre;
  });
  return mean;
}

/** Features with a prior get a column even when the data never shows them, so the prior ships. */
const PRIOR_BUCKETS = Object.keys(PRIOR_MEANS).map((name) => ({ name, bucket: namedBucket(name) }));

function fit(train: readonly Encoded[], hyper: Hyper): Fitted {
  const columnOf = new Map<number, number>();
  const lambdas: number[] = [];
  const means: Float64Array[] = [];
  const addColumn = (bucket: number, lambda: number, mean: Float64Array | undefined) => {
    if (columnOf.has(bucket)) return;
    columnOf.set(bucket, lambdas.length);
    lambdas.push(lambda);
    means.push(mean ?? new Float64Array(K));
  };
  for (const { name, bucket } of PRIOR_BUCKETS) addColumn(bucket, hyper.namedLambda, priorFor(name));
  for (const e of train) for (const f of e.named) addColumn(f.bucket, hyper.namedLambda, priorFor(f.name));
  const itemsPerWord = new Map<number, number>();
  for (const e of train) for (const b of new Set(e.words.map((w) => w.bucket))) itemsPerWord.set(b, (itemsPerWord.get(b) ?? 0) + 1);
  for (const [bucket, count] of [...itemsPerWord].sort((a, b) => a[0] - b[0])) if (count >= MIN_ITEMS_PER_WORD) addColumn(bucket, hyper.wordLambda, undefined);

  const rows: SparseRow[] = train.map((e) => {
    const cols: number[] = [];
    const vals: number[] = [];
    for (const f of [...e.named, ...e.words]) {
      const col = columnOf.get(f.bucket);
      if (col === undefined) continue;
      cols.push(col);
      vals.push(f.x);
    }
    return { cols: Int32Array.from(cols), vals: Float64Array.from(vals) };
  });
  const counts = CLASSES.map((_, c) => train.filter((e) => e.label === c).length);
  const raw = train.map((e) => ((counts[e.label] as number) / train.length) ** -hyper.classPower);
  const meanWeight = raw.reduce((a, b) => a + b, 0) / raw.length;
  const priorMean = new Float64Array(lambdas.length * K);
  means.forEach((m, col) => priorMean.set(m, col * K));
  const result = fitSoftmax({
    rows,
    labels: train.map((e) => e.label),
    sampleWeights: raw.map((w) => w / meanWeight),
    columns: lambdas.length,
    classes: K,
    lambda: Float64Array.from(lambdas),
    priorMean,
  });
  const weights = new Map<number, Float64Array>();
  for (const [bucket, col] of columnOf) weights.set(bucket, result.weights.slice(col * K, col * K + K));
  return { weights, bias: result.bias };
}

function logits(model: Fitted, e: Encoded): Float64Array {
  const out = new Float64Array(K);
  out.set(model.bias);
  for (const f of [...e.named, ...e.words]) {
    const w = model.weights.get(f.bucket);
    if (!w) continue;
    for (let c = 0; c < K; c++) out[c] = (out[c] as number) + f.x * (w[c] as number);
  }
  return out;
}

/** Held-out logits of every item under k-fold cross-validation. */
function outOfFoldLogits(items: readonly Encoded[], hyper: Hyper, k: number): Float64Array[] {
  const fold = folds(items, k);
  const out = new Array<Float64Array>(items.length);
  for (let f = 0; f < k; f++) {
    const model = fit(items.filter((_, i) => fold[i] !== f), hyper);
    items.forEach((e, i) => {
      if (fold[i] === f) out[i] = logits(model, e);
    });
  }
  return out;
}

function probabilities(z: Float64Array, temperature: number): Float64Array {
  const p = Float64Array.from(z);
  softmaxInPlace(p, temperature);
  return p;
}

function logLoss(all: readonly Float64Array[], labels: readonly number[], temperature: number): number {
  let loss = 0;
  all.forEach((z, i) => {
    loss -= Math.log(Math.max(probabilities(z, temperature)[labels[i] as number] as number, 1e-12));
  });
  return loss / all.length;
}

function fitTemperature(all: readonly Float64Array[], labels: readonly number[]): number {
  let best = 1;
  let bestLoss = Number.POSITIVE_INFINITY;
  for (let t = 0.3; t <= 3.001; t += 0.05) {
    const loss = logLoss(all, labels, t);
    if (loss < bestLoss - 1e-12) {
      bestLoss = loss;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}

export function macroF1(pairs: readonly [number, number][]): number {
  let sum = 0;
  for (let c = 0; c < K; c++) {
    const tp = pairs.filter(([t, p]) => t === c && p === c).length;
    const predicted = pairs.filter(([, p]) => p === c).length;
    const actual = pairs.filter(([t]) => t === c).length;
    const precision = predicted ? tp / predicted : 0;
    const recall = actual ? tp / actual : 0;
    sum += precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  }
  return sum / K;
}

/** How far the share answered `unclear` may drift from the labelled share: each extra one is a nudge. */
const UNCLEAR_SHARE_SLACK = 0.04;

/**
 * The threshold with the best macro-F1 among those that answer `unclear` about as often as the
 * labels say (within UNCLEAR_SHARE_SLACK); if none does, the one closest to the labelled share.
 */
function fitThreshold(all: readonly Float64Array[], labels: readonly number[], temperature: number): number {
  const probs = all.map((z) => probabilities(z, temperature));
  const unclear = CLASSES.indexOf('unclear');
  const labelledShare = labels.filter((l) => l === unclear).length / labels.length;
  let best = { threshold: 0, score: -1, drift: Number.POSITIVE_INFINITY };
  for (let t = 0.3; t <= 0.901; t += 0.02) {
    const threshold = Math.round(t * 100) / 100;
    const answers = probs.map((p) => decide(p, CLASSES, threshold).index);
    const drift = Math.abs(answers.filter((a) => a === unclear).length / answers.length - labelledShare);
    const score = drift <= UNCLEAR_SHARE_SLACK ? macroF1(answers.map((a, i) => [labels[i] as number, a])) : -drift;
    if (score > best.score + 1e-9) best = { threshold, score, drift };
  }
  return best.threshold;
}

export interface Training {
  file: ModelFile;
  hyper: Hyper;
  innerLogLoss: number;
}

const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The whole procedure on `examples`; `describe` names the data in the file's `trainedOn`. */
export function trainModel(examples: readonly Example[], describe: Record<string, unknown>): Training {
  const { encoded, vocabulary } = encode(examples);
  const labels = encoded.map((e) => e.label);
  let best: { hyper: Hyper; loss: number; oof: Float64Array[]; temperature: number } | undefined;
  for (const hyper of GRID) {
    const oof = outOfFoldLogits(encoded, hyper, INNER_FOLDS);
    const temperature = fitTemperature(oof, labels);
    const loss = logLoss(oof, labels, temperature);
    if (!best || loss < best.loss - 1e-12) best = { hyper, loss, oof, temperature };
  }
  if (!best) throw new Error('no hyper-parameters to try');
  const threshold = fitThreshold(best.oof, labels, best.temperature);
  const model = fit(encoded, best.hyper);

  const rows: number[][] = [];
  for (const [bucket, w] of [...model.weights].sort((a, b) => a[0] - b[0])) {
    const rounded = [...w].map((v) => round(v));
    if (rounded.some((v) => Math.abs(v) >= 0.001)) rows.push([bucket, ...rounded]);
  }
  const kept = new Set(rows.map((r) => r[0] as number));
  const names: Record<string, string> = {};
  for (const [bucket, text] of [...vocabulary].sort((a, b) => a[0] - b[0])) if (kept.has(bucket)) names[String(bucket)] = text;
  const digest = createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 12);
  return {
    hyper: best.hyper,
    innerLogLoss: best.loss,
    file: {
      format: 1,
      version: `1.${digest}`,
      classes: [...CLASSES],
      hashBits: HASH_BITS,
      temperature: best.temperature,
      threshold,
      bias: [...model.bias].map((v) => round(v)),
      weights: rows,
      vocabulary: names,
      trainedOn: { ...describe, items: examples.length, hyper: best.hyper, innerFolds: INNER_FOLDS },
    },
  };
}
