import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startSampleJiraServer } from '../../src/demo/sample-jira-server.js';
import { startTestRedis } from '../support/redis-server.js';
import { testAdapters } from '../support/test-adapters.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'who-owns.js');
const work = mkdtempSync(join(tmpdir(), 'who-owns-digest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the CLI without the caller's team file or Redis unless `env` gives them. */
function who(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const { WHO_OWNS_CONFIG: _, REDIS_URL: __, ...base } = process.env;
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, env: { ...base, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const run = (args: string[], env: Record<string, string> = {}) => who(['digest', ...args], env);

describe.concurrent('who-owns digest --dry-run', () => {
  it('previews the sample team digest as text, worst first, without posting', async () => {
    const { code, stdout } = await run(['--team', 'payments', '--dry-run']);

    expect(code).toBe(0);
    expect(stdout).toMatch(/^Payments — ownership digest, \d{4}-W\d\d/);
    expect(stdout.indexOf('Needs an owner')).toBeLessThan(stdout.indexOf('Waiting for PO acceptance'));
    expect(stdout).not.toMatch(/PLAT-|GRO-/);
  });

  it('writes the Block Kit payload for the team channel, within Slack limits', async () => {
    const { code, stdout } = await run(['--team', 'growth', '--dry-run', '--format', 'blocks']);

    expect(code).toBe(0);
    const payload = JSON.parse(stdout) as { channel: string; text: string; blocks: unknown[] };
    expect(payload.channel).toBe('C0GROWTH1');
    expect(payload.blocks.length).toBeLessThanOrEqual(50);
  });

  it('writes a self-contained HTML page that looks like the Slack message', async () => {
    const file = join(work, 'digest.html');

    const { code } = await run(['--team', 'platform', '--dry-run', '--format', 'html', '--output', file]);

    expect(code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<div class="header">Platform');
    expect(html).not.toMatch(/<script|src="http/);
  });

  it('names the teams when the team id is unknown, and refuses to run without --dry-run', async () => {
    const unknown = await run(['--team', 'nope', '--dry-run']);
    const posting = await run(['--team', 'payments']);

    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('teams: payments, growth, platform');
    expect(posting.code).not.toBe(0);
    expect(posting.stderr).toContain('--dry-run');
  });
});

describe('who-owns digest --dry-run with REDIS_URL', () => {
  it('previews the digest the worker would post from the synced store, with the rules it would offer', async () => {
    const redis = await startTestRedis();
    const jira = await startSampleJiraServer('samples/jira');
    try {
      const env = { WHO_OWNS_CONFIG: 'samples/who-owns.yaml', REDIS_URL: redis.url, REDIS_PREFIX: 'preview', JIRA_BASE_URL: jira.url, JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 'sample-site-token' };
      expect((await who(['sync', '--once'], env)).code).toBe(0);
      const { adapters } = testAdapters(redis.client(), { prefix: 'preview', env: { JIRA_BASE_URL: jira.url, JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 'sample-site-token' } });
      await adapters.learned.saveSuggestions([{ id: 'payments:label:gtm', teamId: 'payments', kind: 'label', value: 'gtm', role: 'PM', decisions: 6 }]);
      const file = join(work, 'from-store.json');

      const { code, stderr } = await run(['--team', 'payments', '--dry-run', '--format', 'blocks', '--output', file], env);

      expect(code).toBe(0);
      expect(stderr).toContain('(synced store)');
      const payload = JSON.parse(readFileSync(file, 'utf8')) as { channel: string; blocks: { block_id?: string }[] };
      expect(payload.channel).toBe('C0PAYMENTS');
      expect(payload.blocks.map((b) => b.block_id)).toContain('rule:payments:label:gtm');
      // A preview offers nothing: the rule is still waiting for the posted digest.
      expect((await adapters.learned.unoffered('payments')).map((r) => r.id)).toEqual(['payments:label:gtm']);
    } finally {
      await jira.close();
      await redis.stop();
    }
  }, 90_000);
});
