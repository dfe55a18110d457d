/**
 * Writes the bundled sample Jira site: `npx tsx samples/generate/index.ts`.
 * Output is deterministic (seeded), so re-running it on an unchanged generator changes nothing.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSampleSite } from './build-site.js';

const samplesDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export function serialise(content: unknown): string {
  return typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`;
}

function main(): void {
  const files = buildSampleSite();
  rmSync(join(samplesDir, 'jira'), { recursive: true, force: true });
  for (const [path, content] of Object.entries(files)) {
    const target = join(samplesDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, serialise(content));
  }
  process.stdout.write(`wrote ${Object.keys(files).length} files under ${samplesDir}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
