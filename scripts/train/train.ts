/**
 * `npm run train`: fits the attribution model on the real labelled corpus in
 * test/fixtures/eval-real/ and writes src/domain/attribution/model/attribution-model.json.
 * Deterministic: run twice, the file is the same byte for byte (a test checks it).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus, SOURCES } from './corpus.js';
import { trainModel } from './fit-model.js';

export const MODEL_PATH = join(import.meta.dirname, '..', '..', 'src', 'domain', 'attribution', 'model', 'attribution-model.json');

/** The model file's text, as `npm run train` writes it. */
export function trainedModelText(): string {
  const examples = loadCorpus();
  const { file } = trainModel(examples, { corpus: 'test/fixtures/eval-real', sources: [...SOURCES] });
  // One weight row per line keeps diffs of a retrained model readable.
  const { weights, vocabulary, ...head } = file;
  const body = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const rows = weights.map((row) => `    ${JSON.stringify(row)}`).join(',\n');
  const names = Object.entries(vocabulary).map(([b, name]) => `    ${JSON.stringify(b)}: ${JSON.stringify(name)}`).join(',\n');
  return `${body},\n  "weights": [\n${rows}\n  ],\n  "vocabulary": {\n${names}\n  }\n}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const text = trainedModelText();
  writeFileSync(MODEL_PATH, text);
  const file = JSON.parse(text) as { version: string; weights: unknown[]; temperature: number; threshold: number; trainedOn: { hyper: unknown } };
  process.stdout.write(`wrote ${MODEL_PATH}: model ${file.version}, ${file.weights.length} weights, temperature ${file.temperature}, unclear below ${file.threshold}, ${JSON.stringify(file.trainedOn.hyper)} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
