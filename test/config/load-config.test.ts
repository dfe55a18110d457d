import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseTeamFile } from '../../config/load-config.js';

function writeTemp(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'who-owns-config-')), 'who-owns.yaml');
  writeFileSync(path, text);
  return path;
}

function problemsOf(run: () => unknown): ConfigError['problems'] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('config/load-config', () => {
  it('accepts the bundled sample and the example file and fills defaults', () => {
    const sample = loadConfig({}, 'samples/who-owns.yaml');
    const example = loadConfig({}, 'config/who-owns.example.yaml');

    expect(sample.teams.teams.map((t) => t.id)).toEqual(['payments', 'growth', 'platform']);
    expect(sample.teams.teams[2]?.pm).toBeNull();
    expect(sample.teams.teams[1]?.digest.cron).toBe('0 9 * * 1');
    expect(example.teams.teams[0]?.nudges.cooldownDays).toBe(7);
    expect(sample.env.JIRA_DEPLOYMENT).toBe('cloud');
    expect(sample.env.REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('reports every one of five distinct mistakes with its path and line', () => {
    const path = writeTemp(`teams:
  - id: Payments Team
    name: Payments
    jira: { projects: [pay] }
    po: { slack: priya }
    timezone: Europe/Berln
    digest: { cron: "every monday" }
    nudgez: true
`);

    const problems = problemsOf(() => loadConfig({}, path));

    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['teams.0.id', 'teams.0.jira.projects.0', 'teams.0.po.slack', 'teams.0.timezone', 'teams.0.digest.cron', 'teams.0.nudgez']),
    );
    expect(problems.find((p) => p.path === 'teams.0.timezone')?.line).toBe(6);
    expect(problems.every((p) => p.message.length > 0 && p.fix.length > 0)).toBe(true);
  });

  it('lists environment and team-file problems together and names the variable', () => {
    const path = writeTemp('teams: []\n');

    const problems = problemsOf(() =>
      loadConfig({ JIRA_BASE_URL: 'https://acme.atlassian.net', SLACK_BOT_TOKEN: 'xoxp-user-token', PORT: 'eighty', LOG_LEVEL: 'chatty' }, path),
    );

    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['SLACK_BOT_TOKEN', 'PORT', 'LOG_LEVEL', 'teams', 'JIRA_EMAIL', 'JIRA_API_TOKEN']));
    expect(problems.find((p) => p.path === 'SLACK_BOT_TOKEN')?.message).toContain('xoxb-');
    // The value of a secret never appears in the report.
    expect(JSON.stringify(problems)).not.toContain('xoxp-user-token');
  });

  it('refuses a webhook to register through the REST API without an OAuth 2.0 app token and a secret', () => {
    const problems = problemsOf(() =>
      loadConfig({ JIRA_BASE_URL: 'https://acme.atlassian.net', JIRA_EMAIL: 'bot@acme.com', JIRA_API_TOKEN: 'basic-token', JIRA_WEBHOOK_URL: 'https://who-owns.acme.com/webhooks/jira' }, 'samples/who-owns.yaml'),
    );

    expect(problems.find((p) => p.path === 'JIRA_WEBHOOK_URL')?.message).toContain('JIRA_OAUTH_TOKEN');
    expect(problems.find((p) => p.path === 'JIRA_WEBHOOK_SECRET')?.message).toContain('JIRA_WEBHOOK_URL');
    const accepted = loadConfig({ JIRA_BASE_URL: 'https://acme.atlassian.net', JIRA_OAUTH_TOKEN: 'oauth', JIRA_WEBHOOK_SECRET: 's', JIRA_WEBHOOK_URL: 'https://who-owns.acme.com/webhooks/jira' }, 'samples/who-owns.yaml');
    expect(accepted.env.JIRA_WEBHOOK_URL).toBe('https://who-owns.acme.com/webhooks/jira');
  });

  it('names a missing team file and how to create it', () => {
    const problems = problemsOf(() => loadConfig({}, '/nonexistent/who-owns.yaml'));

    expect(problems).toEqual([expect.objectContaining({ path: 'WHO_OWNS_CONFIG', fix: expect.stringContaining('who-owns.example.yaml') })]);
  });

  it('reports YAML syntax errors with their line', () => {
    const result = parseTeamFile('teams:\n  - id: a\n   name: "unterminated\n');

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/YAML syntax/);
  });

  it('rejects duplicate team ids and a team without any Jira scope', () => {
    const result = parseTeamFile('teams:\n  - { id: a, name: A, jira: { projects: [A] } }\n  - { id: a, name: B, jira: {} }\n');

    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['teams.1.id', 'teams.1.jira']));
    }
  });
});
