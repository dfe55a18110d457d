import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordFaultFigures } from './support/fault-figures.js';

/**
 * Bad team files and environment variables, through the real CLI: every problem is listed
 * at once with a fix, the exit code is 2, and nothing starts.
 */
const dir = mkdtempSync(join(tmpdir(), 'who-owns-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/who-owns.js', ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'UTC', REDIS_URL: 'redis://127.0.0.1:1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const MANY_PROBLEMS = `teams:
  - id: Payments
    name: Payments
    jira: { projects: [pay] }
    po: { slack: priya }
    channel: payments
    timezone: Mars/Olympus
    digest: { cron: "every monday" }
    nudges: { cooldownDays: -1, colour: blue }
  - id: growth
    name: Growth
    jira: {}
  - id: growth
    name: Growth again
    jira: { boards: [21] }
`;

describe('faults/config-refusal', () => {
  it('config check lists every problem in a bad team file, each with its line and a fix, and exits 2', async ({ task }) => {
    const path = file('many.yaml', MANY_PROBLEMS);

    const result = await cli(['config', 'check', path]);

    expect(result.code).toBe(2);
    const expected = [
      /teams\.0\.id \(line 2\)/,
      /teams\.0\.jira\.projects\.0 \(line 4\).*upper case/,
      /teams\.0\.po\.slack \(line 5\).*Slack user id/,
      /teams\.0\.channel \(line 6\).*channel id/,
      /teams\.0\.timezone \(line 7\).*IANA/,
      /teams\.0\.digest\.cron \(line 8\).*5 fields/,
      /teams\.0\.nudges\.cooldownDays \(line 9\)/,
      /teams\.0\.nudges\.colour.*unknown key "colour"/,
      /teams\.1\.jira.*at least one Jira project/,
      /teams\.2\.id.*duplicate team id "growth"/,
    ];
    for (const pattern of expected) expect(result.stderr).toMatch(pattern);
    expect(result.stderr).toMatch(/^10 problem\(s\) found:/);
    recordFaultFigures(task, { trials: 1, faultsInjected: 10, checked: 10, detail: 'one team file with ten different mistakes (bad ids, time zone, cron, unknown key, duplicate team, empty Jira scope): all ten are reported with line numbers and fixes, exit code 2.' });
  });

  it('reports a YAML syntax error with its line instead of a stack trace', async () => {
    const path = file('syntax.yaml', 'teams:\n  - id: payments\n    name: "Payments\n    jira: { projects: [PAY] }\n');

    const result = await cli(['config', 'check', path]);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/YAML syntax/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('serve refuses bad environment variables with the full list, exit 2, and never opens its port', async ({ task }) => {
    const port = await freePort();
    const env = {
      WHO_OWNS_CONFIG: 'samples/who-owns.yaml',
      PORT: String(port),
      REDIS_URL: 'http://localhost:6379',
      SLACK_BOT_TOKEN: 'xoxp-user-token-instead',
      LOG_LEVEL: 'loud',
      JIRA_BASE_URL: 'https://acme.atlassian.net',
      JIRA_DEPLOYMENT: 'cloud',
    };

    const result = await cli(['serve'], env);
    const stillFree = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });

    expect(result.code).toBe(2);
    for (const name of ['REDIS_URL', 'SLACK_BOT_TOKEN', 'LOG_LEVEL', 'JIRA_EMAIL', 'JIRA_API_TOKEN']) expect(result.stderr).toContain(name);
    expect(result.stderr).toMatch(/5 problem\(s\)/);
    expect(result.stdout).toBe('');
    expect(stillFree).toBe(true);
    recordFaultFigures(task, { trials: 1, faultsInjected: 5, checked: 5, detail: 'serve started with a wrong REDIS_URL scheme, a user token as bot token, an unknown log level and Jira Cloud without credentials: all five listed, exit 2, the port is never opened.' });
  });

  it('work and start refuse a missing team file, saying how to create one', async () => {
    const work = await cli(['work'], { WHO_OWNS_CONFIG: join(dir, 'missing.yaml') });
    const start = await cli(['start'], { WHO_OWNS_CONFIG: join(dir, 'missing.yaml') });

    for (const result of [work, start]) {
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/missing\.yaml does not exist.*who-owns\.example\.yaml/);
    }
  });

  it('accepts the sample team file (control: the checks above fail for the right reason)', async () => {
    const result = await cli(['config', 'check', 'samples/who-owns.yaml']);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/3 team\(s\), configuration is valid/);
  });
});
