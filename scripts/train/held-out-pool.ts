/**
 * Held-out predictions for many train/test splits, one worker thread per core. Each split fits
 * its own model, so the splits are independent; answers are kept in the order the splits were
 * given, so the figures are the same however the work is shared out.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Prediction } from './evaluate.js';

/** Indices into `loadCorpus()`: the items a model is fitted on, and the items it scores. */
export interface Split {
  train: number[];
  test: number[];
}

export interface SplitAnswer {
  id: number;
  predictions: Prediction[];
}

/** Workers run TypeScript through the same loader as the script that starts them. */
function workerSource(): string {
  const loader = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./held-out-worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(loader)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
}

export async function predictSplits(splits: readonly Split[]): Promise<Prediction[][]> {
  const results = new Array<Prediction[]>(splits.length);
  let next = 0;
  const source = workerSource();
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(source, { eval: true });
      const give = () => {
        if (next >= splits.length) {
          worker.terminate().then(() => resolve(), reject);
          return;
        }
        const id = next++;
        worker.postMessage({ id, split: splits[id] });
      };
      worker.on('message', (answer: SplitAnswer) => {
        results[answer.id] = answer.predictions;
        give();
      });
      worker.on('error', (error) => {
        // No further splits for anyone: the evaluation has failed.
        next = splits.length;
        reject(error);
      });
      give();
    });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(availableParallelism(), splits.length)) }, run));
  return results;
}
