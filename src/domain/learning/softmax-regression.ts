/**
 * Multinomial logistic regression on sparse rows, fitted by L-BFGS: minimises the weighted
 * cross-entropy plus ½·λ_f·‖w_f − μ_f‖² per feature, so a feature the data says little about
 * keeps its prior μ and words the data never saw stay at zero. Deterministic: the same rows give
 * the same weights, bit for bit, which `npm run train` relies on to reproduce the shipped model.
 * A site's adjustment is the same fit on top of fixed logits (`baseLogits`), with the bias
 * penalised too, so a handful of decisions cannot swing every item.
 */
export interface SparseRow {
  /** Column indices (0 … columns − 1), may repeat. */
  cols: Int32Array;
  vals: Float64Array;
}

export interface FitInput {
  rows: readonly SparseRow[];
  labels: readonly number[];
  sampleWeights: readonly number[];
  columns: number;
  classes: number;
  /** Per column: penalty strength. */
  lambda: Float64Array;
  /** Per column × class: prior mean (zero for words). */
  priorMean: Float64Array;
  maxIterations?: number;
  /** Per row × class: logits the fitted weights add to (a site adjustment sits on the global model). */
  baseLogits?: Float64Array;
  /** Penalty on the bias toward zero; unpenalised when absent. */
  biasLambda?: number;
  /** The bias stays at zero: only the weights are fitted. */
  withoutBias?: boolean;
}

export interface FitResult {
  /** columns × classes, row-major. */
  weights: Float64Array;
  bias: Float64Array;
  iterations: number;
  loss: number;
}

/** Logits of one row under weights and bias, into `out`. */
export function rowLogits(row: SparseRow, weights: Float64Array, bias: Float64Array, classes: number, out: Float64Array): void {
  for (let c = 0; c < classes; c++) out[c] = bias[c] as number;
  for (let j = 0; j < row.cols.length; j++) {
    const base = (row.cols[j] as number) * classes;
    const v = row.vals[j] as number;
    for (let c = 0; c < classes; c++) out[c] = (out[c] as number) + v * (weights[base + c] as number);
  }
}

export function softmaxInPlace(z: Float64Array, temperature = 1): void {
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < z.length; c++) max = Math.max(max, (z[c] as number) / temperature);
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp((z[c] as number) / temperature - max);
    sum += z[c] as number;
  }
  for (let c = 0; c < z.length; c++) z[c] = (z[c] as number) / sum;
}

/** Loss and gradient at `theta` = [weights…, bias…]. */
function lossAndGradient(input: FitInput, theta: Float64Array, grad: Float64Array): number {
  const { rows, labels, sampleWeights, columns, classes, lambda, priorMean, baseLogits } = input;
  const nw = columns * classes;
  const weights = theta.subarray(0, nw);
  const bias = theta.subarray(nw);
  grad.fill(0);
  let loss = 0;
  const p = new Float64Array(classes);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as SparseRow;
    rowLogits(row, weights, bias, classes, p);
    if (baseLogits) for (let c = 0; c < classes; c++) p[c] = (p[c] as number) + (baseLogits[i * classes + c] as number);
    softmaxInPlace(p);
    const y = labels[i] as number;
    const s = sampleWeights[i] as number;
    loss -= s * Math.log(Math.max(p[y] as number, 1e-300));
    for (let c = 0; c < classes; c++) {
      const g = s * ((p[c] as number) - (c === y ? 1 : 0));
      grad[nw + c] = (grad[nw + c] as number) + g;
      for (let j = 0; j < row.cols.length; j++) {
        const idx = (row.cols[j] as number) * classes + c;
        grad[idx] = (grad[idx] as number) + g * (row.vals[j] as number);
      }
    }
  }
  for (let f = 0; f < columns; f++) {
    const l = lambda[f] as number;
    for (let c = 0; c < classes; c++) {
      const idx = f * classes + c;
      const d = (theta[idx] as number) - (priorMean[idx] as number);
      loss += 0.5 * l * d * d;
      grad[idx] = (grad[idx] as number) + l * d;
    }
  }
  const biasLambda = input.biasLambda ?? 0;
  for (let c = 0; c < classes && biasLambda > 0; c++) {
    const b = bias[c] as number;
    loss += 0.5 * biasLambda * b * b;
    grad[nw + c] = (grad[nw + c] as number) + biasLambda * b;
  }
  // With no gradient the line search never moves the bias off its start at zero.
  if (input.withoutBias) grad.fill(0, nw);
  return loss;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/** L-BFGS (two-loop recursion, memory 10) with a backtracking Armijo line search. */
export function fitSoftmax(input: FitInput): FitResult {
  const n = input.columns * input.classes + input.classes;
  const memory = 10;
  const maxIterations = input.maxIterations ?? 300;
  const theta = new Float64Array(n);
  theta.set(input.priorMean.subarray(0, input.columns * input.classes));
  const grad = new Float64Array(n);
  let loss = lossAndGradient(input, theta, grad);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const direction = new Float64Array(n);
  const nextTheta = new Float64Array(n);
  const nextGrad = new Float64Array(n);
  let iteration = 0;
  for (; iteration < maxIterations; iteration++) {
    // Two-loop recursion: direction = −H·grad.
    direction.set(grad);
    const alpha: number[] = new Array(s.length);
    for (let k = s.length - 1; k >= 0; k--) {
      const a = (rho[k] as number) * dot(s[k] as Float64Array, direction);
      alpha[k] = a;
      const yk = y[k] as Float64Array;
      for (let i = 0; i < n; i++) direction[i] = (direction[i] as number) - a * (yk[i] as number);
    }
    if (s.length > 0) {
      const last = s.length - 1;
      const gamma = dot(s[last] as Float64Array, y[last] as Float64Array) / dot(y[last] as Float64Array, y[last] as Float64Array);
      for (let i = 0; i < n; i++) direction[i] = (direction[i] as number) * gamma;
    } else {
      const norm = Math.sqrt(dot(grad, grad)) || 1;
      for (let i = 0; i < n; i++) direction[i] = (direction[i] as number) / norm;
    }
    for (let k = 0; k < s.length; k++) {
      const b = (rho[k] as number) * dot(y[k] as Float64Array, direction);
      const sk = s[k] as Float64Array;
      for (let i = 0; i < n; i++) direction[i] = (direction[i] as number) + (sk[i] as number) * ((alpha[k] as number) - b);
    }
    for (let i = 0; i < n; i++) direction[i] = -(direction[i] as number);
    const slope = dot(grad, direction);
    if (slope >= 0) break;
    let step = 1;
    let nextLoss = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < n; i++) nextTheta[i] = (theta[i] as number) + step * (direction[i] as number);
      nextLoss = lossAndGradient(input, nextTheta, nextGrad);
      if (nextLoss <= loss + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextLoss < loss)) break;
    const sk = new Float64Array(n);
    const yk = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sk[i] = (nextTheta[i] as number) - (theta[i] as number);
      yk[i] = (nextGrad[i] as number) - (grad[i] as number);
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
      if (s.length > memory) {
        s.shift();
        y.shift();
        rho.shift();
      }
    }
    const improvement = loss - nextLoss;
    theta.set(nextTheta);
    grad.set(nextGrad);
    loss = nextLoss;
    if (improvement < 1e-7 * Math.max(1, Math.abs(loss))) break;
  }
  const nw = input.columns * input.classes;
  return { weights: theta.slice(0, nw), bias: theta.slice(nw), iterations: iteration, loss };
}
