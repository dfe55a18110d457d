import { Queue, QueueEvents, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ScopeSummary, SyncDeps } from '../../src/sync/sync-team.js';
import { runSyncOnce } from '../../src/sync/sync-service.js';
import { QUEUES } from '../../src/queue/queues.js';
import { syncDepsFrom } from '../../src/sync/wire.js';
import { startSyncWorker } from '../../workers/sync.worker.js';
import { aTeam } from '../support/builders.js';
import { type FakeJira, generateSite, startFakeJira, touch } from '../support/fake-jira-server.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { testAdapters } from '../support/test-adapters.js';

const team = aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [], components: [] } });
const NOW = new Date('2026-11-23T10:00:00Z');

/**
 * A full sync of a large scope runs for minutes; the 15-minute incremental sync, a webhook's
 * refresh or a cron `who-owns sync` can start meanwhile. A second run of the same scope must
 * not share the first one's progress: it would skip every item the first had already read.
 */
describe('one sync per scope at a time, across workers and processes', () => {
  let redis: TestRedis;
  let client: Redis;
  let jira: FakeJira;
  let queue: Queue;
  let events: QueueEvents;
  let worker: Worker | undefined;

  beforeAll(async () => {
    redis = await startTestRedis();
    client = redis.client();
    queue = new Queue(QUEUES.sync, { connection: client, prefix: 'wo' });
    events = new QueueEvents(QUEUES.sync, { connection: redis.client(), prefix: 'wo' });
  });
  afterEach(async () => {
    await worker?.close();
    await jira.close();
    await client.flushall();
  });
  afterAll(async () => {
    await events.close();
    await queue.close();
    await redis.stop();
  });

  /** The sync's dependencies as a process builds them, and the same for a worker whose first stored batch waits for `release`. */
  async function pausedSite(): Promise<{ deps: SyncDeps; pausing: SyncDeps; paused: Promise<void>; release: () => void }> {
    jira = await startFakeJira(generateSite({ count: 300 }));
    const { adapters, config } = testAdapters(client, { prefix: 'wo', teams: [team], env: { JIRA_BASE_URL: jira.url, JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 'x', JIRA_MAX_RPS: '1000' } });
    const deps = syncDepsFrom(adapters, config, { now: () => NOW });
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reached = () => {};
    const paused = new Promise<void>((resolve) => (reached = resolve));
    let first = true;
    const afterPage = async () => {
      if (!first) return;
      first = false;
      reached();
      await gate;
    };
    return { deps, pausing: { ...deps, afterPage }, paused, release };
  }

  it('an incremental sync queued while a full one runs waits for it, then reads what changed meanwhile', async () => {
    const { deps, pausing, paused, release } = await pausedSite();
    worker = startSyncWorker(pausing, redis.client(), 'wo', { lockDurationMs: 2000 });
    const full = await queue.add('scope', { kind: 'scope', teamId: 'payments', mode: 'full' }, { jobId: 'full' });
    await paused;
    // The full run has stored its first batch, PAY-3 among it; then someone renames PAY-3.
    expect((await deps.store.getItem('PAY-3'))?.summary).not.toBe('Renamed while the full sync ran');
    touch(jira.site, 'PAY-3', new Date('2026-11-23T10:30:00Z'), 'Renamed while the full sync ran');
    const incremental = await queue.add('scope', { kind: 'scope', teamId: 'payments', mode: 'incremental' }, { jobId: 'incremental' });
    // The worker runs two jobs at once: the incremental one is taken, and waits.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await incremental.getState()).toBe('delayed');

    release();
    const [fullSummary, incrementalSummary] = (await Promise.all([full.waitUntilFinished(events, 20_000), incremental.waitUntilFinished(events, 20_000)])) as ScopeSummary[];

    expect(fullSummary).toMatchObject({ mode: 'full', fetched: 300 });
    expect(incrementalSummary).toMatchObject({ mode: 'incremental', changed: 1 });
    expect((await deps.store.getItem('PAY-3'))?.summary).toBe('Renamed while the full sync ran');
    expect(await deps.store.teamItemKeys('payments')).toHaveLength(300);
  });

  it('a one-shot sync started while a worker syncs the team waits for it, then syncs', async () => {
    const { deps, pausing, paused, release } = await pausedSite();
    worker = startSyncWorker(pausing, redis.client(), 'wo', { lockDurationMs: 2000 });
    const full = await queue.add('scope', { kind: 'scope', teamId: 'payments', mode: 'full' }, { jobId: 'full' });
    await paused;
    touch(jira.site, 'PAY-3', new Date('2026-11-23T10:30:00Z'), 'Renamed while the full sync ran');
    let done = false;
    const once = runSyncOnce(deps, 'incremental').finally(() => {
      done = true;
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(done).toBe(false);

    release();
    await full.waitUntilFinished(events, 20_000);
    const run = await once;

    expect(run.scopes).toMatchObject([{ scope: 'payments', mode: 'incremental', changed: 1 }]);
    expect(run.scopes[0]?.error).toBeUndefined();
    expect((await deps.store.getItem('PAY-3'))?.summary).toBe('Renamed while the full sync ran');
  });
});
