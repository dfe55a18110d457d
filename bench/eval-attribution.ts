/**
 * `npm run eval`: accuracy of the attribution engine on the labelled set in test/fixtures/eval/
 * (rules in docs/attribution.md), next to a baseline that looks at the issue type alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attributeAll } from '../src/domain/attribution/attribute-all.js';
import { typePrior } from '../src/domain/attribution/type-priors.js';
import type { WorkItem } from '../src/domain/work-item.js';
import { fieldMapFromNames } from '../src/jira/field-map.js';
import { normaliseIssue } from '../src/jira/normalise-issue.js';

const CLASSES = ['PO', 'PM', 'unclear'] as const;
const dir = join(import.meta.dirname, '..', 'test', 'fixtures', 'eval');

export function loadEvalSet(): { items: WorkItem[]; labels: Map<string, string> } {
  const items: WorkItem[] = [];
  for (const file of ['cloud-v3-search.json', 'dc-v2-search.json']) {
    const response = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { names: Record<string, string>; issues: unknown[] };
    const map = fieldMapFromNames(response.names);
    for (const raw of response.issues) items.push(normaliseIssue(raw, map));
  }
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Record<string, { label: string }>;
  return { items, labels: new Map(Object.entries(labels).map(([k, v]) => [k, v.label])) };
}

/** The baseline: the issue type's prior role, `unclear` for types it does not know. */
export function baselineRole(item: WorkItem): string {
  return typePrior(item.issueType)?.role ?? 'unclear';
}

interface Scores {
  perClass: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  macroF1: number;
  poPmConfusions: number;
  accuracy: number;
}

function score(pairs: readonly [string, string][]): Scores {
  const perClass: Scores['perClass'] = {};
  for (const c of CLASSES) {
    const tp = pairs.filter(([t, p]) => t === c && p === c).length;
    const predicted = pairs.filter(([, p]) => p === c).length;
    const actual = pairs.filter(([t]) => t === c).length;
    const precision = predicted ? tp / predicted : 0;
    const recall = actual ? tp / actual : 0;
    perClass[c] = { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support: actual };
  }
  return {
    perClass,
    macroF1: CLASSES.reduce((s, c) => s + (perClass[c]?.f1 ?? 0), 0) / CLASSES.length,
    poPmConfusions: pairs.filter(([t, p]) => (t === 'PO' && p === 'PM') || (t === 'PM' && p === 'PO')).length,
    accuracy: pairs.filter(([t, p]) => t === p).length / pairs.length,
  };
}

function print(name: string, s: Scores, total: number): void {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  process.stdout.write(`\n${name}\n  class     precision  recall  F1     support\n`);
  for (const c of CLASSES) {
    const k = s.perClass[c];
    if (k) process.stdout.write(`  ${c.padEnd(9)} ${k.precision.toFixed(3).padEnd(10)} ${k.recall.toFixed(3).padEnd(7)} ${k.f1.toFixed(3).padEnd(6)} ${k.support}\n`);
  }
  process.stdout.write(`  macro-F1 ${s.macroF1.toFixed(3)} · accuracy ${pct(s.accuracy)} · PO↔PM confusions ${s.poPmConfusions} (${pct(s.poPmConfusions / total)})\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { items, labels } = loadEvalSet();
  const verdicts = attributeAll(items, []);
  const engine: [string, string][] = verdicts.map((v) => [labels.get(v.key) ?? '?', v.role]);
  const baseline: [string, string][] = items.map((item) => [labels.get(item.key) ?? '?', baselineRole(item)]);
  process.stdout.write(`Labelled set: ${items.length} items (test/fixtures/eval, rules in docs/attribution.md)\n`);
  const e = score(engine);
  print('who-owns attribution engine', e, items.length);
  print('baseline: issue type alone', score(baseline), items.length);
  if (process.argv.includes('--errors')) {
    for (const v of verdicts) if (labels.get(v.key) !== v.role) process.stdout.write(`  ${v.key} label ${labels.get(v.key)} got ${v.role}: ${v.reasons.slice(0, 3).map((r) => `${r.role}+${r.weight} ${r.signal}`).join(', ')} | ${items.find((i) => i.key === v.key)?.issueType}: ${items.find((i) => i.key === v.key)?.summary}\n`);
  }
}
