/** A worker of predictSplits: fits a model on each split's training items and scores its test items. */
import { parentPort } from 'node:worker_threads';
import { loadCorpus } from './corpus.js';
import { predict } from './evaluate.js';
import type { Split, SplitAnswer } from './held-out-pool.js';

const examples = loadCorpus();
const pick = (indices: readonly number[]) => indices.map((i) => examples[i] as (typeof examples)[number]);

parentPort?.on('message', ({ id, split }: { id: number; split: Split }) => {
  const answer: SplitAnswer = { id, predictions: predict(pick(split.train), pick(split.test)) };
  parentPort?.postMessage(answer);
});
