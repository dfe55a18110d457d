import type { CompiledTeam } from '../attribution/compile-teams.js';
import { DESCRIPTION_CHARS, extractFeatures, newWordFeatures, SUMMARY_CHARS } from '../attribution/features.js';
import { type AttributionModel, modelLogits } from '../attribution/model.js';
import { nameWordBuckets } from '../attribution/text-hashing.js';
import { UNCLEAR, type Verdict } from '../verdict.js';
import type { WorkItem } from '../work-item.js';
import type { SiteAdjustmentFile } from './site-adjustment.js';
import { fitSoftmax, type SparseRow, softmaxInPlace } from './softmax-regression.js';

/** A decided item of the site, as a training example for the site's offsets. */
export interface SiteExample {
  item: WorkItem;
  settings: CompiledTeam;
  parent?: Pick<Verdict, 'key' | 'role'> | undefined;
  /** One of the model's classes (PO or PM). */
  role: string;
  /** Below 1 when the person who decided it decided many (see siteExamples). */
  weight: number;
  /** The global model that scores this item: the site's model unless given (cross-validation). */
  model?: AttributionModel;
}

/**
 * Penalties toward zero (the global model). Strong: a convention moves verdicts once a dozen or
 * so decisions agree on it, a few barely, so a stray click cannot flip an item the global model
 * is sure of. Words are noisier than fields, the site-wide lean most of all.
 */
const NAMED_LAMBDA = 6;
const WORD_LAMBDA = 20;
const BIAS_LAMBDA = 30;
/**
 * A feature gets an offset only when the decided items carrying it contradict the global model
 * together: their surprise (the decided role's share minus the model's, summed over those items)
 * comes to MIN_SURPRISE decisions or more, and AGREEMENT of it points one way. Where the team
 * answers both ways, as it does on the items the global model is unsure of, the decisions say
 * those items are hard, not that the site has a convention, and an offset fitted on them moved
 * the like items the global model had right. The site-wide lean is the feature every item
 * carries; one decided item never teaches alone. Chosen with the penalties on the learning
 * curve of docs/attribution.md (npm run bench:learning), which says how.
 */
const MIN_SURPRISE = 2;
const AGREEMENT = 0.8;
const MAX_ITERATIONS = 60;

const round = (n: number) => Math.round(n * 1e4) / 1e4;

/** The key of the site-wide lean among the buckets' surprises. */
const SITE_LEAN = -1;

interface Surprise {
  /** Per role: Σ weight · (decided − the global model's probability) over the decided items carrying the bucket. */
  net: Float64Array;
  /** Per role: the same sum of magnitudes. */
  total: Float64Array;
}

/** What the decisions say beyond the global model, per bucket (each item once) and for the site-wide lean. */
function siteSurprise(entries: readonly (readonly [number, number])[][], base: Float64Array, labels: readonly number[], weights: readonly number[], k: number): Map<number, Surprise> {
  const out = new Map<number, Surprise>();
  const p = new Float64Array(k);
  entries.forEach((row, i) => {
    p.set(base.subarray(i * k, i * k + k));
    softmaxInPlace(p);
    const buckets = new Set([SITE_LEAN, ...row.filter(([, x]) => x !== 0).map(([b]) => b)]);
    for (const bucket of buckets) {
      const s = out.get(bucket) ?? { net: new Float64Array(k), total: new Float64Array(k) };
      out.set(bucket, s);
      for (let r = 0; r < k; r++) {
        const d = (weights[i] as number) * ((r === labels[i] ? 1 : 0) - (p[r] as number));
        s.net[r] = (s.net[r] as number) + d;
        s.total[r] = (s.total[r] as number) + Math.abs(d);
      }
    }
  });
  return out;
}

/**
 * Fits the site's offsets on its decided items; null when there is nothing to learn from.
 * Decisions only ever name a role, and the items a team leaves undecided are the ambiguous ones,
 * so they say which role (PO or PM), not how sure to be: the offsets move the roles against
 * each other and leave `unclear`'s logit as the global model has it.
 */
export function fitSiteAdjustment(model: AttributionModel, examples: readonly SiteExample[], people: number): SiteAdjustmentFile | null {
  const roles = model.classes.map((c, i) => [c, i] as const).filter(([c]) => c !== UNCLEAR);
  const k = roles.length;
  const usable = examples.filter((e) => roles.some(([c]) => c === e.role) && e.weight > 0);
  if (usable.length === 0) return null;
  const base = new Float64Array(usable.length * k);
  const z = new Float64Array(model.classes.length);
  const encoded = usable.map((e, i) => {
    const scorer = e.model ?? model;
    const features = extractFeatures({ item: e.item, settings: e.settings, parent: e.parent, words: newWordFeatures() });
    modelLogits(scorer, features, e.settings.weight, z);
    roles.forEach(([, c], r) => {
      base[i * k + r] = (z[c] as number) / scorer.temperature;
    });
    const entries: [number, number][] = features.named.map((f) => [f.bucket, f.x * e.settings.weight(f.signal)]);
    const wordScale = e.settings.weight('words');
    for (let j = 0; j < features.words.n; j++) entries.push([features.words.buckets[j] as number, (features.words.x[j] as number) * wordScale]);
    return { entries, named: features.named.map((f) => f.bucket) };
  });

  const labels = usable.map((e) => roles.findIndex(([c]) => c === e.role));
  const surprise = siteSurprise(encoded.map((e) => e.entries), base, labels, usable.map((e) => e.weight), k);
  const agreed = (bucket: number) => {
    const s = surprise.get(bucket);
    if (!s) return false;
    for (let r = 0; r < k; r++) {
      const net = Math.abs(s.net[r] as number);
      if (net >= MIN_SURPRISE && net >= AGREEMENT * (s.total[r] as number)) return true;
    }
    return false;
  };
  const named = new Set(encoded.flatMap((e) => e.named));
  const columnOf = new Map<number, number>();
  const lambdas: number[] = [];
  for (const bucket of [...surprise.keys()].filter((b) => b !== SITE_LEAN && agreed(b)).sort((a, b) => a - b)) {
    columnOf.set(bucket, lambdas.length);
    lambdas.push(named.has(bucket) ? NAMED_LAMBDA : WORD_LAMBDA);
  }
  const rows: SparseRow[] = encoded.map((e) => {
    const kept = e.entries.filter(([b, x]) => x !== 0 && columnOf.has(b));
    return { cols: Int32Array.from(kept.map(([b]) => columnOf.get(b) as number)), vals: Float64Array.from(kept.map(([, x]) => x)) };
  });
  const fit = fitSoftmax({
    rows,
    labels,
    sampleWeights: usable.map((e) => e.weight),
    columns: lambdas.length,
    classes: k,
    lambda: Float64Array.from(lambdas),
    priorMean: new Float64Array(lambdas.length * k),
    baseLogits: base,
    biasLambda: BIAS_LAMBDA,
    withoutBias: !agreed(SITE_LEAN),
    maxIterations: MAX_ITERATIONS,
  });

  // Back to one offset per model class, zero for `unclear`.
  const spread = (values: Float64Array) => {
    const out = new Array<number>(model.classes.length).fill(0);
    roles.forEach(([, c], r) => {
      out[c] = round(values[r] as number);
    });
    return out;
  };
  const weights: number[][] = [];
  for (const [bucket, col] of [...columnOf].sort((a, b) => a[0] - b[0])) {
    const row = spread(fit.weights.subarray(col * k, col * k + k));
    if (row.some((v) => Math.abs(v) >= 0.001)) weights.push([bucket, ...row]);
  }
  const kept = new Set(weights.map((r) => r[0] as number));
  const words: Record<string, string> = {};
  const name = (bucket: number, text: string) => {
    if (kept.has(bucket) && !named.has(bucket) && !(String(bucket) in words)) words[String(bucket)] = text;
  };
  for (const e of usable) {
    nameWordBuckets(e.item.summary, SUMMARY_CHARS, name);
    nameWordBuckets(e.item.description, DESCRIPTION_CHARS, name);
  }
  return { format: 1, modelVersion: model.version, classes: [...model.classes], decisions: usable.length, people, bias: spread(fit.bias), weights, words };
}
