import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MODEL_PATH, trainedModelText } from '../../../scripts/train/train.js';
import { CLASSES, corpusFiles, loadCorpus } from '../../../scripts/train/corpus.js';
import { attributeAll } from '../../../src/domain/attribution/attribute-all.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function classify(input: string): Promise<{ key: string; role: string; confidence: number; reasons: { signal: string; role: string; weight: number | null; field: string; value: string; text: string }[] }[]> {
  const { WHO_OWNS_CONFIG: _, ...env } = process.env;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(root, 'bin', 'who-owns.js'), 'classify', '--input', input, '--format', 'json'], { cwd: root, env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout.trim().split('\n').map((line) => JSON.parse(line)));
    });
  });
}

describe('the shipped attribution model', () => {
  it('is what `npm run train` fits from the fixtures, byte for byte', () => {
    expect(trainedModelText()).toBe(readFileSync(MODEL_PATH, 'utf8'));
  }, 180_000);

  it('gives the real corpus files, read unmodified by `who-owns classify`, the verdicts evaluation scores, with checkable reasons', async () => {
    const expected = new Map(attributeAll(loadCorpus().map((e) => e.item), []).map((v) => [v.key, v]));
    for (const source of ['titanium', 'trackers'] as const) {
      const lines = await classify(corpusFiles(source).items);
      expect(lines.length).toBe(source === 'titanium' ? 284 : 120);
      for (const line of lines) {
        const verdict = expected.get(line.key);
        expect([line.key, line.role, line.confidence]).toEqual([line.key, verdict?.role, verdict?.confidence]);
        expect(CLASSES).toContain(line.role);
        const evidence = line.reasons.filter((r) => r.signal !== 'team-claim' && r.signal !== 'margin');
        expect(evidence.length).toBeGreaterThan(0);
        for (const r of evidence) expect(r).toMatchObject({ field: expect.any(String), value: expect.any(String), weight: expect.any(Number) });
      }
      // Words that moved a verdict are named, with the field they were read from.
      expect(lines.some((l) => l.reasons.some((r) => r.signal === 'words' && /^(summary|description): ‘/.test(r.text)))).toBe(true);
    }
  }, 120_000);

  it('lists reasons that add up to each answer it gives on the real corpus, its starting lean included when that is what decided', () => {
    const verdicts = attributeAll(loadCorpus().map((e) => e.item), []).filter((v) => v.role === 'PO' || v.role === 'PM');
    const weigh = (reasons: readonly { weight: number }[]) => reasons.reduce((sum, r) => sum + r.weight, 0);
    // A verdict showing its full eight reasons may have had smaller ones cut; the rest list them all.
    const complete = verdicts.filter((v) => v.reasons.length < 8);
    const contradicted = complete.filter((v) => weigh(v.reasons.filter((r) => r.role === v.role)) < weigh(v.reasons.filter((r) => r.role !== v.role)));
    expect(complete.length).toBeGreaterThan(verdicts.length / 2);
    expect(contradicted.map((v) => v.key)).toEqual([]);
    const leaning = verdicts.filter((v) => v.reasons.some((r) => r.signal === 'starting-lean'));
    expect(leaning.length).toBeGreaterThan(0);
    for (const v of leaning) expect(v.reasons.find((r) => r.signal === 'starting-lean')).toMatchObject({ role: v.role, evidence: { field: '(model)', value: expect.stringMatching(/^starts (PO|PM) over /) } });
  });
});
