/**
 * Honest figures for the attribution model on the real labelled corpus: every item is scored by
 * a model that never saw it (stratified k-fold, and leave-one-source-out), through the same
 * `attributeItem` the product runs, beside the issue-type baseline of the same run.
 */
import { attributeItem } from '../../src/domain/attribution/attribute-item.js';
import { loadModel } from '../../src/domain/attribution/model.js';
import { typePrior } from '../../src/domain/attribution/type-priors.js';
import { CLASSES, type Example, loadCorpus, SOURCES, type Source } from './corpus.js';
import { folds, trainModel } from './fit-model.js';
import { predictSplits, type Split } from './held-out-pool.js';

export interface Prediction {
  key: string;
  /** Which part of the corpus, or the generated regression set. */
  source: Source | 'generated';
  label: number;
  predicted: number;
  confidence: number;
}

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
  predicted: number;
}

export interface Scores {
  items: number;
  perClass: Record<string, ClassScores>;
  macroF1: number;
  accuracy: number;
  poPmSwaps: number;
  unclearShare: number;
  labelledUnclearShare: number;
  /** Expected calibration error over 10 equal-width confidence bins. */
  ece: number;
  bins: { from: number; to: number; count: number; confidence: number; accuracy: number }[];
}

export function score(predictions: readonly Prediction[]): Scores {
  const perClass: Record<string, ClassScores> = {};
  CLASSES.forEach((name, c) => {
    const tp = predictions.filter((p) => p.label === c && p.predicted === c).length;
    const predicted = predictions.filter((p) => p.predicted === c).length;
    const support = predictions.filter((p) => p.label === c).length;
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    perClass[name] = { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support, predicted };
  });
  const po = CLASSES.indexOf('PO');
  const pm = CLASSES.indexOf('PM');
  const unclear = CLASSES.indexOf('unclear');
  const bins = Array.from({ length: 10 }, (_, b) => ({ from: b / 10, to: (b + 1) / 10, count: 0, confidence: 0, accuracy: 0 }));
  for (const p of predictions) {
    const bin = bins[Math.min(9, Math.floor(p.confidence * 10))] as (typeof bins)[number];
    bin.count++;
    bin.confidence += p.confidence;
    bin.accuracy += p.predicted === p.label ? 1 : 0;
  }
  let ece = 0;
  for (const bin of bins) {
    if (bin.count === 0) continue;
    ece += (bin.count / predictions.length) * Math.abs(bin.accuracy / bin.count - bin.confidence / bin.count);
    bin.confidence /= bin.count;
    bin.accuracy /= bin.count;
  }
  const n = predictions.length;
  return {
    items: n,
    perClass,
    macroF1: CLASSES.reduce((s, c) => s + (perClass[c]?.f1 ?? 0), 0) / CLASSES.length,
    accuracy: predictions.filter((p) => p.label === p.predicted).length / n,
    poPmSwaps: predictions.filter((p) => (p.label === po && p.predicted === pm) || (p.label === pm && p.predicted === po)).length,
    unclearShare: predictions.filter((p) => p.predicted === unclear).length / n,
    labelledUnclearShare: predictions.filter((p) => p.label === unclear).length / n,
    ece,
    bins,
  };
}

/** Trains on `train`, predicts `test` through attributeItem with that model. */
export function predict(train: readonly Example[], test: readonly Example[]): Prediction[] {
  const model = loadModel(trainModel(train, { evaluation: true }).file);
  return test.map((e) => {
    const verdict = attributeItem(e.item, { teams: [], model });
    return { key: e.item.key, source: e.source, label: e.label, predicted: CLASSES.indexOf(verdict.role as (typeof CLASSES)[number]), confidence: verdict.confidence };
  });
}

export const OUTER_FOLDS = 10;

/** Indices of the examples that pass `keep`. */
function where(examples: readonly Example[], keep: (e: Example, i: number) => boolean): number[] {
  return examples.flatMap((e, i) => (keep(e, i) ? [i] : []));
}

/** Stratified k-fold: each fold's items scored by a model fitted on the other folds. */
export function crossValidatedSplits(examples: readonly Example[], k = OUTER_FOLDS, assignment = ''): Split[] {
  const fold = folds(examples.map((e) => ({ key: e.item.key, stratum: `${e.source}/${e.label}` })), k, assignment);
  return Array.from({ length: k }, (_, f) => ({ train: where(examples, (_, i) => fold[i] !== f), test: where(examples, (_, i) => fold[i] === f) }));
}

/** Trained on the other part of the corpus, scored on `heldOut`. */
export function leaveOneSourceOutSplit(examples: readonly Example[], heldOut: Source): Split {
  return { train: where(examples, (e) => e.source !== heldOut), test: where(examples, (e) => e.source === heldOut) };
}

/**
 * Each tracker product scored by a model trained without any of its items: how the model does on
 * a product it has never seen, which is what a new site is.
 */
export function leaveOneProductOutSplits(examples: readonly Example[], source: Source): Split[] {
  const groups = [...new Set(examples.filter((e) => e.source === source).map((e) => e.group))].sort();
  return groups.map((group) => ({ train: where(examples, (e) => e.group !== group), test: where(examples, (e) => e.group === group) }));
}

/** The baseline: the issue type's prior role, `unclear` for types it does not know. */
export function baseline(examples: readonly Example[]): Prediction[] {
  return examples.map((e) => {
    const prior = typePrior(e.item.issueType);
    const predicted = CLASSES.indexOf((prior?.role ?? 'unclear') as (typeof CLASSES)[number]);
    return { key: e.item.key, source: e.source, label: e.label, predicted: predicted < 0 ? CLASSES.indexOf('unclear') : predicted, confidence: 1 };
  });
}

/**
 * With a few hundred items, which items share a fold moves macro-F1 by a few points: the 10-fold
 * figures are repeated over this many fold assignments (the headline's first), so a change is
 * judged against that spread rather than against one lucky or unlucky deal.
 */
export const FOLD_ASSIGNMENTS = 5;

/** One figure over the repeated fold assignments. */
export interface Spread {
  mean: number;
  min: number;
  max: number;
}

function spread(values: readonly number[]): Spread {
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, min: Math.min(...values), max: Math.max(...values) };
}

export interface RepeatedScores {
  macroF1: Spread;
  f1: Record<(typeof CLASSES)[number], Spread>;
  swapShare: Spread;
  unclearShare: Spread;
}

function repeatedScores(runs: readonly Scores[]): RepeatedScores {
  const of = (f: (s: Scores) => number) => spread(runs.map(f));
  return {
    macroF1: of((s) => s.macroF1),
    f1: Object.fromEntries(CLASSES.map((c) => [c, of((s) => (s.perClass[c] as ClassScores).f1)])) as RepeatedScores['f1'],
    swapShare: of((s) => s.poPmSwaps / s.items),
    unclearShare: of((s) => s.unclearShare),
  };
}

export interface Evaluation {
  kfold: { all: Scores; bySource: Record<Source, Scores> };
  /** 10-fold over FOLD_ASSIGNMENTS fold assignments: the whole corpus and each part. */
  repeated: { assignments: number; all: RepeatedScores; bySource: Record<Source, RepeatedScores> };
  loso: Record<Source, Scores>;
  /** Tracker items, each product scored by a model trained without any of its items. */
  unseenProduct: Scores;
  baseline: { all: Scores; bySource: Record<Source, Scores> };
  predictions: Prediction[];
}

/** Every figure, the model fits of all splits shared out over the machine's cores. */
export async function evaluate(): Promise<Evaluation> {
  const examples = loadCorpus();
  const kfold = Array.from({ length: FOLD_ASSIGNMENTS }, (_, i) => crossValidatedSplits(examples, OUTER_FOLDS, i === 0 ? '' : `#${i}`));
  const loso = SOURCES.map((s) => leaveOneSourceOutSplit(examples, s));
  const unseen = leaveOneProductOutSplits(examples, 'trackers');
  const answers = await predictSplits([...kfold.flat(), ...loso, ...unseen]);
  const take = (n: number) => answers.splice(0, n).flat();
  const runs = kfold.map((splits) => take(splits.length));
  const losoPredictions = loso.map(() => take(1));
  const unseenPredictions = take(unseen.length);
  const predictions = runs[0] as Prediction[];
  const base = baseline(examples);
  const bySource = (list: readonly Prediction[]) => Object.fromEntries(SOURCES.map((s) => [s, score(list.filter((p) => p.source === s))])) as Record<Source, Scores>;
  return {
    kfold: { all: score(predictions), bySource: bySource(predictions) },
    repeated: {
      assignments: runs.length,
      all: repeatedScores(runs.map((r) => score(r))),
      bySource: Object.fromEntries(SOURCES.map((s) => [s, repeatedScores(runs.map((r) => score(r.filter((p) => p.source === s))))])) as Record<Source, RepeatedScores>,
    },
    loso: Object.fromEntries(SOURCES.map((s, i) => [s, score(losoPredictions[i] as Prediction[])])) as Record<Source, Scores>,
    unseenProduct: score(unseenPredictions),
    baseline: { all: score(base), bySource: bySource(base) },
    predictions,
  };
}
