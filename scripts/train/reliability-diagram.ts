/**
 * The reliability diagram of docs/attribution.md: for each confidence bin, the share of answers
 * that were right against the confidence shown, drawn with Vega-Lite and rasterised to PNG.
 */
import type { TopLevelSpec } from 'vega-lite';
import { vegaPng } from './vega-png.js';
import type { Scores } from './evaluate.js';

export async function reliabilityDiagram(bins: Scores['bins'], ece: number): Promise<Buffer> {
  const values = bins.filter((b) => b.count > 0).map((b) => ({ bin: `${Math.round(b.from * 100)}–${Math.round(b.to * 100)}%`, mid: (b.from + b.to) / 2, confidence: b.confidence, accuracy: b.accuracy, answers: b.count }));
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Attribution: confidence shown vs. share right (10-fold held-out)', subtitle: `expected calibration error ${ece.toFixed(3)}; bar labels: answers in the bin` },
    width: 420,
    height: 320,
    background: 'white',
    layer: [
      { data: { values: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }, mark: { type: 'line', strokeDash: [4, 4], color: '#888' }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } },
      {
        data: { values },
        layer: [
          { mark: { type: 'bar', width: 30, color: '#4c78a8', opacity: 0.8 }, encoding: { x: { field: 'mid', type: 'quantitative', title: 'confidence shown', scale: { domain: [0, 1], nice: false, padding: 0 }, axis: { format: '%' } }, y: { field: 'accuracy', type: 'quantitative', title: 'share of answers right', scale: { domain: [0, 1] }, axis: { format: '%' } } } },
          { mark: { type: 'point', shape: 'diamond', filled: true, color: '#e45756', size: 60 }, encoding: { x: { field: 'confidence', type: 'quantitative' }, y: { field: 'accuracy', type: 'quantitative' } } },
          { mark: { type: 'text', dy: -8, fontSize: 10 }, encoding: { x: { field: 'mid', type: 'quantitative' }, y: { field: 'accuracy', type: 'quantitative' }, text: { field: 'answers', type: 'quantitative' } } },
        ],
      },
    ],
  };
  return vegaPng(spec);
}
