import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type Config, Env, envCrossChecks, TeamFile } from './schema.js';

/** One problem found in the configuration, ready to print. */
export interface ConfigProblem {
  /** `teams.0.po.slack` for the team file, `SLACK_BOT_TOKEN` for the environment. */
  path: string;
  message: string;
  fix: string;
  /** Line in the team file, when known. */
  line?: number;
}

export class ConfigError extends Error {
  readonly problems: ConfigProblem[];
  constructor(problems: ConfigProblem[]) {
    super(formatProblems(problems));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export function formatProblems(problems: readonly ConfigProblem[]): string {
  return problems
    .map((p) => `${p.line ? `${p.path} (line ${p.line})` : p.path}: ${p.message} — ${p.fix}`)
    .join('\n');
}

function fixFor(source: 'env' | 'file', path: string, issue: z.core.$ZodIssue): string {
  if (source === 'env') return `set ${path} in the environment (see README, Configuration)`;
  if (issue.code === 'unrecognized_keys') return `remove or rename the key; see config/who-owns.example.yaml for the valid keys`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'add it; see config/who-owns.example.yaml';
  return 'correct the value; see config/who-owns.example.yaml';
}

function issuesToProblems(source: 'env' | 'file', error: z.ZodError, lineOf?: (path: PropertyKey[]) => number | undefined): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        problems.push({ path: path.join('.'), message: `unknown key "${key}"`, fix: fixFor(source, '', issue), line: lineOf?.(path) });
      }
      continue;
    }
    const path = issue.path.map(String).join('.') || (source === 'file' ? '(team file)' : '(environment)');
    problems.push({ path, message: issue.message, fix: fixFor(source, path, issue), line: lineOf?.(issue.path) });
  }
  return problems;
}

/** Parses team-file text; returns the file or every problem found. */
export function parseTeamFile(text: string): { ok: true; value: TeamFile } | { ok: false; problems: ConfigProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        path: '(team file)',
        message: `YAML syntax: ${e.message.split('\n')[0]}`,
        fix: 'fix the YAML syntax at that line (indentation, quotes, colons)',
        line: e.linePos?.[0]?.line,
      })),
    };
  }
  const result = TeamFile.safeParse(doc.toJS());
  if (result.success) return { ok: true, value: result.data };
  const lineOf = (path: PropertyKey[]): number | undefined => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { ok: false, problems: issuesToProblems('file', result.error, lineOf) };
}

export function parseEnv(env: NodeJS.ProcessEnv): { ok: true; value: Env } | { ok: false; problems: ConfigProblem[] } {
  const result = Env.safeParse(env);
  const cross = envCrossChecks(env).map((p) => ({ ...p, fix: `set ${p.path} in the environment (see README, Configuration)` }));
  if (result.success && cross.length === 0) return { ok: true, value: result.data };
  return { ok: false, problems: [...(result.success ? [] : issuesToProblems('env', result.error)), ...cross] };
}

/**
 * Reads the environment and the team file; throws a ConfigError listing every problem
 * (environment and file together), so nothing starts half-configured.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, teamFilePath?: string): Config {
  const envResult = parseEnv(env);
  const path = teamFilePath ?? (envResult.ok ? envResult.value.WHO_OWNS_CONFIG : (env.WHO_OWNS_CONFIG ?? 'config/who-owns.yaml'));
  const problems: ConfigProblem[] = envResult.ok ? [] : [...envResult.problems];
  let teams: TeamFile | undefined;
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push({
      path: 'WHO_OWNS_CONFIG',
      message: code === 'ENOENT' ? `team file ${path} does not exist` : `cannot read team file ${path} (${code})`,
      fix: 'run npx who-owns init to write one from your Jira site and Slack workspace, copy config/who-owns.example.yaml to config/who-owns.yaml, or point WHO_OWNS_CONFIG at your file',
    });
  }
  if (text !== undefined) {
    const fileResult = parseTeamFile(text);
    if (fileResult.ok) teams = fileResult.value;
    else problems.push(...fileResult.problems);
  }
  if (problems.length > 0 || !envResult.ok || !teams) throw new ConfigError(problems);
  return { env: envResult.value, teams, teamFilePath: path };
}
