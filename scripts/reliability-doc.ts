/**
 * Runs the fault suite with vitest's JSON reporter and writes docs/reliability.md: every
 * fault test, what it injects, its figures (trials, faults, lost, duplicated) and its result.
 *   npm run docs:reliability                      # run the suite, then write the page
 *   npm run docs:reliability -- --from report.json  # write the page from an existing report
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderReliabilityPage, type VitestJsonReport } from './reliability-page.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fromIndex = process.argv.indexOf('--from');
let reportPath: string;
let seconds: number | undefined;
if (fromIndex > 0 && process.argv[fromIndex + 1]) {
  reportPath = process.argv[fromIndex + 1] as string;
} else {
  reportPath = join(mkdtempSync(join(tmpdir(), 'who-owns-faults-')), 'faults.json');
  const started = Date.now();
  spawnSync('npx', ['vitest', 'run', '--config', 'vitest.faults.config.ts', '--reporter=default', '--reporter=json', `--outputFile=${reportPath}`], { cwd: root, stdio: 'inherit' });
  seconds = (Date.now() - started) / 1000;
}
const report = JSON.parse(readFileSync(reportPath, 'utf8')) as VitestJsonReport;
const cpu = cpus();
const page = renderReliabilityPage(report, {
  date: new Date(),
  machine: `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(totalmem() / 1024 ** 3)} GiB memory, Node ${process.version}`,
  seconds,
  relativePath: (file) => relative(root, file),
});
writeFileSync(join(root, 'docs', 'reliability.md'), page);
process.stdout.write(`Wrote docs/reliability.md (${report.numPassedTests} passed, ${report.numFailedTests} failed)\n`);
process.exitCode = report.numFailedTests === 0 ? 0 : 1;
