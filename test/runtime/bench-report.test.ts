import { describe, expect, it } from 'vitest';
import { parseBenchOutput, renderBenchmarksPage } from '../../bench/bench-report.js';

const machine = { cpu: 'Test CPU', cores: 2, memoryGiB: 4, os: 'Linux 6', node: 'v20.0.0' };

describe('bench/bench-report', () => {
  it('takes the last valid BENCH_RESULT line and ignores noise and malformed lines', () => {
    const out = [
      'warming up…',
      'BENCH_RESULT {"bench":"x","figures":[{"name":"old","value":1,"unit":"ops/s"}]}',
      'BENCH_RESULT {"bench":"x","figures":[{"name":"items/s","value":500,"unit":"items/s","baseline":{"name":"serial","value":100,"unit":"items/s"}}]}',
      'BENCH_RESULT {not json',
      'done',
    ].join('\n');

    const result = parseBenchOutput(out);

    expect(result?.figures[0]).toMatchObject({ name: 'items/s', value: 500 });
    expect(parseBenchOutput('no result here')).toBeNull();
  });

  it('renders each figure with its baseline and ratio, failed benchmarks with their output, and missing ones', () => {
    const page = renderBenchmarksPage({
      outcomes: [
        { file: 'a.bench.ts', command: 'npx tsx bench/a.bench.ts', seconds: 2, ok: true, result: { bench: 'a', title: 'Alpha', figures: [{ name: 'p95 latency', value: 20, unit: 'ms', higherIsBetter: false, baseline: { name: 'naive', value: 80, unit: 'ms' } }] } },
        { file: 'b.bench.ts', command: 'npx tsx bench/b.bench.ts', seconds: 1, ok: false, reason: 'exit code 1', tail: 'Error: boom' },
      ],
      missing: ['delivery.bench.ts'],
      machine,
      date: new Date('2026-11-23T03:10:00Z'),
    });

    expect(page).toContain('| p95 latency | 20 ms | naive: 80 ms | ×0.25 (4× better) |');
    expect(page).toContain('Test CPU, 2 cores, 4 GiB memory');
    expect(page).toContain('did not complete: exit code 1');
    expect(page).toContain('Error: boom');
    expect(page).toContain('`bench/delivery.bench.ts`');
    expect(page).toContain('2026-11-23T03:10:00Z');
  });
});
