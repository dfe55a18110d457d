/**
 * The learning curve of docs/attribution.md: macro-F1 on the unanswered items against the
 * number of decisions answered, per simulated site, with and without what the site learned.
 * Drawn with Vega-Lite and rasterised to PNG, as the reliability diagram is.
 */
import type { TopLevelSpec } from 'vega-lite';
import { vegaPng } from '../../scripts/train/vega-png.js';

export interface CurveRow {
  site: string;
  k: number;
  macroF1: number;
  /** `learned` or `global model alone`. */
  scorer: string;
}

export async function learningPlot(rows: readonly CurveRow[]): Promise<Buffer> {
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Learning from decisions: macro-F1 on the items nobody answered', subtitle: 'global model never fitted on the scored items (10-fold); solid: with the site\'s learned offsets, dashed: global model alone' },
    width: 460,
    height: 300,
    background: 'white',
    data: { values: rows.map((r) => ({ ...r })) },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'k', type: 'quantitative', title: 'decisions answered (k)' },
      y: { field: 'macroF1', type: 'quantitative', title: 'macro-F1 on unanswered items', scale: { zero: false } },
      color: { field: 'site', type: 'nominal', title: 'site', legend: { labelLimit: 360, orient: 'bottom', columns: 2 } },
      strokeDash: { field: 'scorer', type: 'nominal', title: 'scored by', legend: { orient: 'bottom', symbolStrokeWidth: 2 }, scale: { domain: ['learned', 'global model alone'], range: [[1, 0], [5, 4]] } },
    },
  };
  return vegaPng(spec);
}
