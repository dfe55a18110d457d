import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemStore } from '../../src/ports.js';
import { type FakeJira, generateSite, startFakeJira } from '../support/fake-jira-server.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { testAdapters } from '../support/test-adapters.js';
import { type CliProcess, startCli } from './support/cli-process.js';
import { recordFaultFigures } from './support/fault-figures.js';

/**
 * Sync through the real `who-owns work --queues sync` process against a Jira that fails
 * often (429, 503, hung connections).
 */
const TOTAL = 1500;
let redis: TestRedis;
let client: Redis;
let fake: FakeJira;
let dir: string;
let teamFile: string;
const running: CliProcess[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  client = redis.client();
  fake = await startFakeJira(generateSite({ count: TOTAL, projectKey: 'PAY' }));
  dir = mkdtempSync(join(tmpdir(), 'who-owns-jira-faults-'));
  teamFile = join(dir, 'teams.yaml');
  writeFileSync(teamFile, 'teams:\n  - id: payments\n    name: Payments\n    jira: { projects: [PAY] }\n');
});
afterAll(async () => {
  for (const p of running) if (p.child.exitCode === null) p.kill('SIGKILL');
  await fake.close();
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
});

function env(prefix: string, rps = 1000): Record<string, string> {
  return { REDIS_URL: redis.url, REDIS_PREFIX: prefix, WHO_OWNS_CONFIG: teamFile, JIRA_BASE_URL: fake.url, JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 'fault-token-123', JIRA_MAX_RPS: String(rps), LOG_LEVEL: 'warn' };
}

async function work(prefix: string, rps?: number): Promise<CliProcess> {
  const proc = await startCli(['work', '--queues', 'sync'], env(prefix, rps));
  running.push(proc);
  return proc;
}

function store(prefix: string): ItemStore {
  const { REDIS_URL: _, ...rest } = env(prefix);
  return testAdapters(client, { prefix, env: rest, teamFile }).adapters.items;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe('faults/jira-sync-faults', () => {
  it('a sync completes while Jira answers 30% of calls with 429, 503 or a hang', async ({ task }) => {
    fake.faults.rateLimitShare = 0.15;
    fake.faults.unavailableShare = 0.1;
    fake.faults.hangShare = 0.05;
    const injectedBefore = fake.injected;
    const prefix = '{jira-faults}';
    const items = store(prefix);
    // The sync schedule's first run starts as soon as the worker is up.
    const proc = await work(prefix);

    const complete = await waitFor(async () => (await items.teamItemKeys('payments')).length >= TOTAL, 50_000);
    const keys = await items.teamItemKeys('payments');
    // The finished sync shows in the process's metrics (the job completes just after its last write).
    let metricsText = '';
    await waitFor(async () => {
      metricsText = await (await fetch(`http://127.0.0.1:${proc.port}/metrics`)).text();
      return metricsText.includes('who_owns_sync_lag_seconds{scope="payments"}');
    }, 10_000);
    proc.kill('SIGTERM');
    await proc.exited;
    fake.faults.rateLimitShare = 0;
    fake.faults.unavailableShare = 0;
    fake.faults.hangShare = 0;

    const injected = fake.injected - injectedBefore;
    const unique = new Set(keys);
    recordFaultFigures(task, { trials: 1, faultsInjected: injected, checked: TOTAL, lost: TOTAL - unique.size, duplicated: keys.length - unique.size, detail: `${TOTAL} items; the fake Jira answered ${injected} search and bulk-fetch calls with 429 (Retry-After 0), 503 or a hung connection; the request gate retried with backoff and the sync finished.` });
    expect(complete).toBe(true);
    expect(metricsText).toMatch(/who_owns_items_synced_total\{scope="payments"\} [1-9]/);
    expect(injected).toBeGreaterThan(0);
    expect(unique.size).toBe(TOTAL);
    expect(keys.length).toBe(TOTAL);
    expect(await items.getItem(`PAY-${TOTAL}`)).not.toBeNull();
  });
});
