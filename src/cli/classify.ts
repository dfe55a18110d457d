import { count } from '../domain/plural.js';
import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ConfigError, parseTeamFile } from '../../config/load-config.js';
import { attributeAll } from '../domain/attribution/attribute-all.js';
import { describeVerdict } from '../domain/attribution/describe-verdict.js';
import type { TeamProfile } from '../domain/team.js';
import { shownState, type Verdict } from '../domain/verdict.js';
import type { WorkItem } from '../domain/work-item.js';
import { InvalidInputError, normaliseExport, parseRawInput, type RawInput } from '../jira/read-export.js';

/**
 * `who-owns classify`: an offline audit. Reads issues exactly as the Jira REST API exports them
 * and prints a verdict per item, without Slack, Redis or a live Jira.
 */
function teamsFrom(path: string | undefined): TeamProfile[] {
  if (!path) return [];
  if (!existsSync(path)) throw new ConfigError([{ path: '--config', message: `team file ${path} does not exist`, fix: 'pass --config with the path of your team file, or leave it out to classify without teams' }]);
  const parsed = parseTeamFile(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new ConfigError(parsed.problems);
  return parsed.value.teams;
}

function owner(verdict: Verdict): string | null {
  const o = verdict.owners[0];
  return o ? (o.displayName ?? o.slackId ?? o.accountId ?? o.email ?? o.name ?? null) : null;
}

function jsonLine(verdict: Verdict): string {
  return JSON.stringify({ key: verdict.key, role: verdict.role, confidence: verdict.confidence, state: verdict.state, owner: owner(verdict), team: verdict.teamId, reasons: verdict.reasons.map((r) => ({ signal: r.signal, role: r.role, weight: Number.isFinite(r.weight) ? r.weight : null, field: r.evidence.field, value: r.evidence.value, text: r.text })) });
}

function table(items: readonly WorkItem[], verdicts: readonly Verdict[]): string {
  const rows = verdicts.map((v, i) => [v.key, v.role, v.confidence.toFixed(2), shownState(v), items[i]?.issueType ?? '', v.teamId ?? '—', owner(v) ?? '—', `${items[i]?.summary.slice(0, 50) ?? ''}`, describeVerdict(v)]);
  const header = ['KEY', 'ROLE', 'CONF', 'STATE', 'TYPE', 'TEAM', 'OWNER', 'SUMMARY', 'WHY'];
  const widths = header.slice(0, 7).map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c < 7 ? cell.padEnd(widths[c] ?? 0) : cell)).join('  ');
  const counts = new Map<string, number>();
  for (const v of verdicts) counts.set(v.role, (counts.get(v.role) ?? 0) + 1);
  const summary = `${count(verdicts.length, 'item')}: ${[...counts].map(([role, n]) => `${n} ${role}`).join(', ')}`;
  return [line(header), ...rows.map((r) => `${line(r.slice(0, 8))}\n${' '.repeat(4)}${r[8]}`), '', summary].join('\n');
}

export interface ClassifyOptions {
  input: string;
  config?: string;
  format?: 'json' | 'table';
}

/** Runs the audit; returns the exit code (0 when at least one item was classified). */
export function runClassify(options: ClassifyOptions, out: (text: string) => void, err: (text: string) => void, env: NodeJS.ProcessEnv, isTty: boolean): number {
  const configPath = options.config ?? env.WHO_OWNS_CONFIG ?? (existsSync('config/who-owns.yaml') ? 'config/who-owns.yaml' : undefined);
  const teams = teamsFrom(configPath);
  let text: string;
  try {
    text = readFileSync(options.input === '-' ? 0 : options.input, 'utf8');
  } catch (error) {
    err(`who-owns classify: cannot read ${options.input} (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
    return 2;
  }
  let raw: RawInput;
  try {
    raw = parseRawInput(text);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    err(`who-owns classify: ${options.input}: ${error.message}\n`);
    return 2;
  }
  const { items, skipped } = normaliseExport(raw);
  for (const s of skipped) err(`who-owns classify: record ${s.index}${s.key ? ` (${s.key})` : ''} skipped: ${s.error}\n`);
  if (items.length === 0) {
    err('who-owns classify: no item could be classified\n');
    return 1;
  }
  if (teams.length === 0) err('who-owns classify: no team file (use --config or WHO_OWNS_CONFIG); every item shows as unmatched\n');
  const verdicts = attributeAll(items, teams);
  const format = options.format ?? (isTty ? 'table' : 'json');
  out(format === 'json' ? `${verdicts.map(jsonLine).join('\n')}\n` : `${table(items, verdicts)}\n`);
  return 0;
}

export function registerClassify(program: Command): void {
  program
    .command('classify')
    .description('Offline audit: attribute Jira issues exported from the REST API (PO, PM or unclear) without Slack, Redis or a live Jira')
    .requiredOption('--input <file>', 'a search response {"issues": […]} (v2 or v3), a JSON array of issues, or JSON lines; "-" reads stdin')
    .option('--config <file>', 'team file (default: $WHO_OWNS_CONFIG, else config/who-owns.yaml when it exists, else no teams)')
    .option('--format <format>', 'json: one object per line {key, role, confidence, state, owner, reasons}; table: for people (default: table on a terminal, json when piped)')
    .action((options: { input: string; config?: string; format?: string }) => {
      if (options.format !== undefined && options.format !== 'json' && options.format !== 'table') {
        throw new Error(`--format must be json or table, not “${options.format}”`);
      }
      const format = options.format as 'json' | 'table' | undefined;
      process.exitCode = runClassify({ input: options.input, ...(options.config ? { config: options.config } : {}), ...(format ? { format } : {}) }, (t) => process.stdout.write(t), (t) => process.stderr.write(t), process.env, Boolean(process.stdout.isTTY));
    });
}
