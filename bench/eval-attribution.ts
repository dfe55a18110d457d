/**
 * `npm run eval`: accuracy of attribution on the real labelled corpus (test/fixtures/eval-real),
 * every figure on items the scoring model was not fitted on: stratified 10-fold (repeated over
 * five fold assignments for its spread), leave-one-source-out (trained on one part, scored on the
 * other) and leave-one-product-out; the model fits run in worker threads, one per core. Beside
 * it, in the same run: the issue-type baseline, and the generated regression set (test/fixtures/eval/).
 *   npm run eval                  # print the figures
 *   npm run eval -- --write-docs  # also refresh docs/attribution.md and its reliability diagram
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { attributeAll } from '../src/domain/attribution/attribute-all.js';
import { SHIPPED_MODEL } from '../src/domain/attribution/attribute-item.js';
import type { WorkItem } from '../src/domain/work-item.js';
import { fieldMapFromNames } from '../src/jira/field-map.js';
import { normaliseIssue } from '../src/jira/normalise-issue.js';
import { CLASSES, SOURCES } from '../scripts/train/corpus.js';
import { type Evaluation, evaluate, type Prediction, type RepeatedScores, type Scores, type Spread, score } from '../scripts/train/evaluate.js';
import { reliabilityDiagram } from '../scripts/train/reliability-diagram.js';
import { writeDocSection } from '../scripts/train/doc-section.js';

const root = join(import.meta.dirname, '..');

/** The generated set: written with the old rules, kept as a regression suite, not as the headline. */
export function loadGeneratedSet(): { items: WorkItem[]; labels: Map<string, string> } {
  const dir = join(root, 'test', 'fixtures', 'eval');
  const items: WorkItem[] = [];
  for (const file of ['cloud-v3-search.json', 'dc-v2-search.json']) {
    const response = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { names: Record<string, string>; issues: unknown[] };
    const map = fieldMapFromNames(response.names);
    for (const raw of response.issues) items.push(normaliseIssue(raw, map));
  }
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Record<string, { label: string }>;
  return { items, labels: new Map(Object.entries(labels).map(([k, v]) => [k, v.label])) };
}

export function generatedSetScores(): Scores {
  const { items, labels } = loadGeneratedSet();
  const predictions: Prediction[] = attributeAll(items, []).map((v) => ({
    key: v.key,
    source: 'generated',
    label: CLASSES.indexOf(labels.get(v.key) as (typeof CLASSES)[number]),
    predicted: CLASSES.indexOf(v.role as (typeof CLASSES)[number]),
    confidence: v.confidence,
  }));
  return score(predictions);
}

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const f3 = (n: number) => n.toFixed(3);

function row(name: string, s: Scores): string {
  const c = (k: string) => s.perClass[k] as Scores['perClass'][string];
  return `| ${name} | ${s.items} | ${f3(c('PO').f1)} | ${f3(c('PM').f1)} | ${f3(c('unclear').f1)} | **${f3(s.macroF1)}** | ${s.poPmSwaps} (${pct(s.poPmSwaps / s.items)}) | ${pct(s.unclearShare)} / ${pct(s.labelledUnclearShare)} | ${f3(s.ece)} |`;
}

const range = (s: Spread, f: (n: number) => string) => `${f(s.mean)} (${f(s.min)}–${f(s.max)})`;

function repeatedTable(e: Evaluation): string {
  const line = (name: string, r: RepeatedScores) => `| ${name} | **${range(r.macroF1, f3)}** | ${range(r.f1.PO, f3)} | ${range(r.f1.PM, f3)} | ${range(r.f1.unclear, f3)} | ${range(r.swapShare, pct)} | ${range(r.unclearShare, pct)} |`;
  return [
    '| 10-fold, scored on | macro-F1 | PO F1 | PM F1 | unclear F1 | PO↔PM swaps | answered unclear |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    line('whole corpus', e.repeated.all),
    ...SOURCES.map((s) => line(`${s} items`, e.repeated.bySource[s])),
  ].join('\n');
}

function perClassTable(s: Scores): string {
  const lines = ['| class | precision | recall | F1 | labelled | answered |', '| --- | --- | --- | --- | --- | --- |'];
  for (const c of CLASSES) {
    const k = s.perClass[c] as Scores['perClass'][string];
    lines.push(`| ${c} | ${f3(k.precision)} | ${f3(k.recall)} | ${f3(k.f1)} | ${k.support} | ${k.predicted} |`);
  }
  return lines.join('\n');
}

export function figuresMarkdown(e: Evaluation, generated: Scores): string {
  const header = '| scored on | items | PO F1 | PM F1 | unclear F1 | macro-F1 | PO↔PM swaps | answered / labelled unclear | calibration error |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |';
  return [
    '### Held-out figures (`npm run eval`)',
    '',
    `Model ${SHIPPED_MODEL.version}. Every figure below scores items with a model fitted without them; hyper-parameters, temperature and the \`unclear\` threshold are chosen inside each training set by inner 5-fold cross-validation.`,
    '',
    header,
    row('10-fold, whole corpus', e.kfold.all),
    ...SOURCES.map((s) => row(`10-fold, ${s} items`, e.kfold.bySource[s])),
    ...SOURCES.map((s) => row(`trained on the other part, scored on ${s}`, e.loso[s])),
    row('trackers, each product scored by a model trained without it', e.unseenProduct),
    row('baseline: issue type alone (whole corpus)', e.baseline.all),
    ...SOURCES.map((s) => row(`baseline, ${s} items`, e.baseline.bySource[s])),
    row('generated regression set (test/fixtures/eval), shipped model', generated),
    '',
    `The same 10-fold cross-validation over ${e.repeated.assignments} different fold assignments (the first is the one above), mean (lowest–highest): which items share a fold moves the figures by this much, so a change smaller than the spread is not a measured gain.`,
    '',
    repeatedTable(e),
    '',
    'Per class, 10-fold, whole corpus:',
    '',
    perClassTable(e.kfold.all),
    '',
    'Calibration error is the expected calibration error over ten confidence bins (the gap between the confidence shown and the share of answers that were right, weighted by how many answers each bin holds).',
  ].join('\n');
}


function print(name: string, s: Scores): void {
  process.stdout.write(`\n${name}\n${perClassTable(s)}\nmacro-F1 ${f3(s.macroF1)} · accuracy ${pct(s.accuracy)} · PO↔PM swaps ${s.poPmSwaps} (${pct(s.poPmSwaps / s.items)}) · answered unclear ${pct(s.unclearShare)} (labelled ${pct(s.labelledUnclearShare)}) · calibration error ${f3(s.ece)}\n`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const e = await evaluate();
  const generated = generatedSetScores();
  process.stdout.write(`Real labelled corpus: ${e.kfold.all.items} items (test/fixtures/eval-real), model ${SHIPPED_MODEL.version}\n`);
  print('who-owns, 10-fold held-out, whole corpus', e.kfold.all);
  for (const s of SOURCES) print(`who-owns, 10-fold held-out, ${s} items`, e.kfold.bySource[s]);
  process.stdout.write(`\n10-fold over ${e.repeated.assignments} fold assignments, mean (lowest–highest)\n${repeatedTable(e)}\n`);
  for (const s of SOURCES) print(`who-owns, trained on the other part, scored on ${s}`, e.loso[s]);
  print('who-owns, trackers, each product scored by a model trained without it', e.unseenProduct);
  print('baseline: issue type alone, whole corpus', e.baseline.all);
  print('generated regression set (test/fixtures/eval), shipped model', generated);
  if (process.argv.includes('--write-docs')) {
    writeDocSection(join(root, 'docs', 'attribution.md'), 'eval', figuresMarkdown(e, generated));
    writeFileSync(join(root, 'docs', 'reliability-diagram.png'), await reliabilityDiagram(e.kfold.all.bins, e.kfold.all.ece));
    process.stdout.write('\nwrote docs/attribution.md and docs/reliability-diagram.png\n');
  }
  process.stdout.write(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`eval failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
