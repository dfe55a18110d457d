import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../../config/load-config.js';
import type { Config } from '../../config/schema.js';
import { describeResolution, type PersonResolution, peopleToResolve, resolvePeople } from '../people/resolve-people.js';
import { peopleDirectories } from '../runtime/people-directories.js';
import { scopeWarnings } from '../sync/scope-parts.js';
import { jiraReaderFromEnv } from '../runtime/adapters.js';
import { withAdapters } from '../runtime/with-adapters.js';
import { describeRule, type SuggestedRule } from '../domain/learning/suggest-rules.js';

function describePerson(person: { name?: string; slack?: string; email?: string; jira?: string } | null | undefined): string {
  if (person === null) return 'vacant';
  if (!person) return 'not set';
  return person.name ?? person.slack ?? person.email ?? person.jira ?? '?';
}

/** Human summary of a valid configuration. */
export function summariseConfig(config: Config): string {
  const { env, teams } = config;
  const lines = [`${config.teamFilePath}: ${teams.teams.length} team(s), configuration is valid.`, ''];
  for (const team of teams.teams) {
    const zone = team.digest.timezone ?? team.timezone;
    lines.push(`${team.name} (${team.id})`);
    lines.push(`  Jira:       projects ${team.jira.projects.join(', ') || '—'}; boards ${team.jira.boards.join(', ') || '—'}; components ${team.jira.components.join(', ') || '—'}`);
    lines.push(`  PO / PM:    ${describePerson(team.po)} / ${describePerson(team.pm)}`);
    lines.push(`  Channel:    ${team.channel ?? 'none (no nudges or digest in a channel)'}`);
    lines.push(`  Digest:     ${team.digest.enabled ? `"${team.digest.cron}" in ${zone}` : 'off'}`);
    lines.push(`  Nudges:     ${team.nudges.enabled ? `${team.nudges.target}, cool-down ${team.nudges.cooldownDays} d, cap ${team.nudges.dailyCapPerChannel}/day` : 'off'}`);
    lines.push(`  Acceptance: ${team.acceptance.enabled ? `${team.acceptance.statuses.join(' | ')}; reminders at ${team.acceptance.reminderHour}:00` : 'off'}`);
  }
  lines.push('');
  lines.push(`Jira:  ${env.JIRA_BASE_URL ? `${env.JIRA_BASE_URL} (${env.JIRA_DEPLOYMENT})` : 'not configured (JIRA_BASE_URL unset)'}`);
  lines.push(`Slack: ${env.SLACK_BOT_TOKEN ? (env.SLACK_APP_TOKEN ? 'Socket Mode' : `HTTP on port ${env.PORT}`) : 'not configured (SLACK_BOT_TOKEN unset)'}`);
  lines.push(`Redis: ${env.REDIS_URL.replace(/\/\/[^@/]*@/, '//***@')}`);
  return lines.join('\n');
}

/** Each team's rules: the team file's maps beside the ones adopted from what the decisions suggested. */
export function summariseRules(config: Config, adopted: readonly SuggestedRule[] | string): string {
  const lines = [`Rules (in the team file | adopted from decisions${typeof adopted === 'string' ? `: ${adopted}` : ''}):`];
  for (const team of config.teams.teams) {
    const maps = team.attribution;
    const configured = [
      ...Object.entries(maps.issueTypes).map(([value, role]) => describeRule({ kind: 'issue-type', value, role })),
      ...Object.entries(maps.labels).map(([value, role]) => describeRule({ kind: 'label', value, role })),
      ...Object.entries(maps.components).map(([value, role]) => describeRule({ kind: 'component', value, role })),
    ];
    const learned = typeof adopted === 'string' ? [] : adopted.filter((r) => r.teamId === team.id).map((r) => `${describeRule(r)} (${r.decisions} decisions)`);
    lines.push(`  ${team.id}: ${configured.join(', ') || 'none'} | ${learned.join(', ') || 'none'}${maps.learn === false ? ' — learning off' : ''}`);
  }
  return lines.join('\n');
}

/**
 * Rules adopted from suggestions, as stored for the configured Jira site; a sentence instead
 * when Redis does not answer at once (the check validates the files, it does not wait for Redis).
 */
export async function adoptedRules(config: Config): Promise<SuggestedRule[] | string> {
  try {
    return await withAdapters(config, ({ learned }) => learned.adopted(), { redis: { maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null } });
  } catch (error) {
    return `not read, Redis did not answer (${error instanceof Error ? error.message : String(error)})`;
  }
}

/**
 * Looks up, in the configured Slack workspace and Jira site, the people the team file gives by
 * email only. Nothing is cached: the check shows what the directories answer now.
 */
export async function checkPeople(config: Config): Promise<PersonResolution[]> {
  return withAdapters(config, async ({ slack, jira }) => resolvePeople(peopleToResolve(config.teams.teams), { directories: peopleDirectories(slack?.web, jira?.clients), now: Date.now() }), { slackRetries: 1 });
}

/**
 * The people section of `config check`. Someone not found or ambiguous fails the check, as
 * who-owns could never reach them; a directory that is not configured or not answering does not.
 */
export function summarisePeople(results: readonly PersonResolution[]): { text: string; ok: boolean } {
  if (results.length === 0) return { text: '', ok: true };
  const resolved = results.filter((r) => r.outcome.status === 'resolved').length;
  const lines = [`People given by email: ${resolved} of ${results.length} lookup(s) resolved.`, ...results.map((r) => `  ${describeResolution(r)}`)];
  return { text: lines.join('\n'), ok: results.every((r) => r.outcome.status === 'resolved' || r.outcome.status === 'unreachable') };
}

/**
 * The Jira scopes section of `config check`, when a Jira site is configured: per team, what a
 * sync would leave out (a board, a filter, a project the bot cannot read; a missing field).
 * Parts left out do not fail the check: the rest of the scope syncs. An unreachable Jira is said once.
 */
export async function checkScopes(config: Config): Promise<string> {
  // Two attempts per call: a check should say Jira is unreachable, not wait for it.
  const jira = jiraReaderFromEnv(config.env, { limits: { maxConcurrency: 2, maxAttempts: 2 } });
  if (!jira) return '';
  const lines = ['Jira scopes:'];
  for (const team of config.teams.teams) {
    try {
      const warnings = await scopeWarnings(jira, team);
      lines.push(warnings.length ? `  ${team.id}: partly readable — ${warnings.join('; ')}` : `  ${team.id}: readable in full`);
    } catch (error) {
      lines.push(`  Jira not reachable, scopes not checked: ${error instanceof Error ? error.message : String(error)}`);
      break;
    }
  }
  return lines.join('\n');
}

export function registerConfigCheck(program: Command): void {
  const config = program.command('config').description('Inspect the configuration');
  config
    .command('check')
    .description('Validate the team file and the environment; list every problem, or summarise teams, projects, channels and schedules')
    .argument('[file]', 'team file (default: $WHO_OWNS_CONFIG or config/who-owns.yaml)')
    .action(async (file: string | undefined) => {
      try {
        const loaded = loadConfig(process.env, file);
        process.stdout.write(`${summariseConfig(loaded)}\n`);
        const people = summarisePeople(await checkPeople(loaded));
        if (people.text) process.stdout.write(`\n${people.text}\n`);
        process.stdout.write(`\n${summariseRules(loaded, await adoptedRules(loaded))}\n`);
        const scopes = await checkScopes(loaded);
        if (scopes) process.stdout.write(`\n${scopes}\n`);
        if (!people.ok) process.exitCode = 2;
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        process.stderr.write(`${error.problems.length} problem(s) found:\n${error.message}\n`);
        process.exitCode = 2;
      }
    });
}
