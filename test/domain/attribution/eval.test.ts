import { describe, expect, it } from 'vitest';
import { attributeAll } from '../../../src/domain/attribution/attribute-all.js';
import { loadEvalSet } from '../../../bench/eval-attribution.js';

/** Guards the product's accuracy on the labelled set (rules in docs/attribution.md); `npm run eval` prints the details. */
describe('domain/attribution on the labelled evaluation set', () => {
  it('keeps macro-F1 at 0.85 or better and PO↔PM confusions at 3% or fewer', () => {
    const { items, labels } = loadEvalSet();
    expect(items.length).toBeGreaterThanOrEqual(300);
    const pairs = attributeAll(items, []).map((v) => [labels.get(v.key), v.role] as const);
    const f1 = ['PO', 'PM', 'unclear'].map((c) => {
      const tp = pairs.filter(([t, p]) => t === c && p === c).length;
      const precision = tp / Math.max(1, pairs.filter(([, p]) => p === c).length);
      const recall = tp / Math.max(1, pairs.filter(([t]) => t === c).length);
      return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    });
    const confusions = pairs.filter(([t, p]) => (t === 'PO' && p === 'PM') || (t === 'PM' && p === 'PO')).length;
    expect(f1.reduce((a, b) => a + b, 0) / 3).toBeGreaterThanOrEqual(0.85);
    expect(confusions / pairs.length).toBeLessThanOrEqual(0.03);
  });
});
