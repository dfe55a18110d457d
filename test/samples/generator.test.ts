import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSampleSite } from '../../samples/generate/build-site.js';
import { serialise } from '../../samples/generate/index.js';
import { listFiles, SAMPLES_DIR } from './sample-site.js';

describe('sample site generator', () => {
  const files = buildSampleSite();

  it('reproduces the committed files byte for byte (no hand edits, deterministic output)', () => {
    for (const [path, content] of Object.entries(files)) {
      expect(readFileSync(join(SAMPLES_DIR, path), 'utf8'), path).toBe(serialise(content));
    }
  });

  it('writes nothing that is not committed, and commits nothing it does not write', () => {
    const committed = ['', 'search', 'sprints', 'versions'].flatMap((dir) =>
      listFiles(dir)
        .filter((name) => name.endsWith('.json'))
        .map((name) => join('jira', dir, name)),
    );
    const generated = Object.keys(files).filter((path) => path.startsWith('jira/'));
    expect(committed.sort()).toEqual(generated.map((path) => join(path)).sort());
  });
});
