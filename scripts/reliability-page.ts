import type { FaultFigures } from '../test/faults/support/fault-figures.js';

/** The parts of vitest's JSON report the page uses. */
export interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
  startTime: number;
  testResults: {
    name: string;
    status: string;
    assertionResults: { ancestorTitles: string[]; title: string; status: string; duration?: number | null; failureMessages?: string[]; meta?: { fault?: FaultFigures } }[];
  }[];
}

function cell(value: number | undefined): string {
  return value === undefined ? '—' : value.toLocaleString('en-US');
}

/** docs/reliability.md from a fault-suite report. */
export function renderReliabilityPage(report: VitestJsonReport, context: { date: Date; machine: string; seconds?: number; relativePath: (file: string) => string }): string {
  const tests = report.testResults.flatMap((file) => file.assertionResults.map((t) => ({ file: context.relativePath(file.name), ...t })));
  const figures = tests.map((t) => t.meta?.fault).filter((f): f is FaultFigures => Boolean(f));
  const sum = (pick: (f: FaultFigures) => number | undefined) => figures.reduce((n, f) => n + (pick(f) ?? 0), 0);
  const lines = [
    '# Reliability: the fault suite',
    '',
    'who-owns promises that outages delay work and never lose it, and that nothing is done twice.',
    'The fault suite (`test/faults/`) checks those promises against real Redis, real worker',
    'processes and fake Jira and Slack servers that misbehave on purpose. This page is generated',
    'from the suite\'s own report; run `npm run docs:reliability` to reproduce it',
    '(or `npm run test:faults` to run the suite without writing the page).',
    '',
    `- **Date:** ${context.date.toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- **Machine:** ${context.machine}`,
    `- **Result:** ${report.numPassedTests} passed, ${report.numFailedTests} failed of ${report.numTotalTests} tests${context.seconds ? ` in ${Math.round(context.seconds)} s` : ''}`,
    `- **Totals over the tests that report figures:** ${cell(sum((f) => f.trials))} trials, ${cell(sum((f) => f.faultsInjected))} faults injected, ${cell(sum((f) => f.checked))} units of work checked, **${cell(sum((f) => f.lost))} lost, ${cell(sum((f) => f.duplicated))} duplicated**`,
    '',
  ];
  const byFile = new Map<string, typeof tests>();
  for (const t of tests) byFile.set(t.file, [...(byFile.get(t.file) ?? []), t]);
  for (const [file, fileTests] of byFile) {
    lines.push(`## ${file}`, '', '| Test | Result | Trials | Faults injected | Checked | Lost | Duplicated | Time |', '|---|---|---:|---:|---:|---:|---:|---:|');
    for (const t of fileTests) {
      const f = t.meta?.fault;
      const result = t.status === 'passed' ? 'passed' : `**${t.status}**`;
      const time = t.duration ? `${(t.duration / 1000).toFixed(1)} s` : '—';
      lines.push(`| ${t.title.replace(/\|/g, '\\|')} | ${result} | ${cell(f?.trials)} | ${cell(f?.faultsInjected)} | ${cell(f?.checked)} | ${cell(f?.lost)} | ${cell(f?.duplicated)} | ${time} |`);
    }
    lines.push('');
    for (const t of fileTests) {
      if (t.meta?.fault?.detail) lines.push(`- *${t.title}*: ${t.meta.fault.detail}`);
      if (t.status === 'failed') lines.push(`- *${t.title}* failed: \`${(t.failureMessages?.[0] ?? '').split('\n')[0]?.slice(0, 300)}\``);
    }
    lines.push('');
  }
  return lines.join('\n');
}
