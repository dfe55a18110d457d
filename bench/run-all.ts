/**
 * Runs every benchmark in bench/ as a child process, collects each one's `BENCH_RESULT`
 * line (see bench/README.md) and writes docs/benchmarks.md. Usage:
 *   npm run bench                 # all
 *   npm run bench -- jira-sync    # only files whose name contains "jira-sync"
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchOutcome, EXPECTED_BENCHES, parseBenchOutput, renderBenchmarksPage } from './bench-report.js';
import { describeMachine } from './machine.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 300_000);

function benchFiles(filter?: string): string[] {
  const present = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.bench.ts') || f === 'attribution-throughput.ts');
  return present.filter((f) => !filter || f.includes(filter)).sort();
}

function runOne(file: string): Promise<BenchOutcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join('bench', file)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TZ: 'UTC' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const seconds = (Date.now() - started) / 1000;
      const command = `npx tsx bench/${file}`;
      const parsed = parseBenchOutput(out);
      if (code === 0 && parsed) return resolve({ file, command, seconds, ok: true, result: parsed });
      const reason = signal ? `killed by ${signal}${signal === 'SIGKILL' ? ` after ${TIMEOUT_MS / 1000} s` : ''}` : code !== 0 ? `exit code ${code}` : 'no BENCH_RESULT line';
      const tail = `${out}\n${err}`.trim().split('\n').slice(-8).join('\n');
      resolve({ file, command, seconds, ok: false, reason, tail, result: parsed ?? undefined });
    });
  });
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  const files = benchFiles(filter);
  const outcomes: BenchOutcome[] = [];
  for (const file of files) {
    process.stdout.write(`\n== ${file}\n`);
    const outcome = await runOne(file);
    process.stdout.write(`-- ${file}: ${outcome.ok ? 'ok' : `FAILED (${outcome.reason})`} in ${outcome.seconds.toFixed(1)} s\n`);
    outcomes.push(outcome);
  }
  const missing = EXPECTED_BENCHES.filter((f) => !existsSync(join(root, 'bench', f)));
  const page = renderBenchmarksPage({ outcomes, missing, machine: describeMachine(), date: new Date(), filter });
  writeFileSync(join(root, 'docs', 'benchmarks.md'), page);
  process.stdout.write(`\nWrote docs/benchmarks.md (${outcomes.filter((o) => o.ok).length}/${outcomes.length} benchmarks ok${missing.length ? `; not present: ${missing.join(', ')}` : ''})\n`);
  process.exitCode = outcomes.every((o) => o.ok) ? 0 : 1;
}

await main();
