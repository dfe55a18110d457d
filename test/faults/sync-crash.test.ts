import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES } from '../../src/queue/queues.js';
import type { ScopeSummary } from '../../src/sync/sync-team.js';
import { type FakeJira, generateSite, startFakeJira } from '../support/fake-jira-server.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { testAdapters } from '../support/test-adapters.js';
import { recordFaultFigures } from './support/fault-figures.js';
import { killHard, randomInt, startWorkerProcess, waitFor } from './support/worker-process.js';

/**
 * A sync worker process (workers/sync.worker.ts, wired from configuration) SIGKILLed at a
 * random point of a full sync, then started again. Each trial syncs its own team, so each
 * starts from an empty scope; the process restarted in one trial is the one the next kills.
 */
const CLOUD_TRIALS = 6;
const DC_TRIALS = 3;
const ITEMS = 3000;
/** Items per bulk fetch (Cloud) and per search page (Data Center). */
const BATCH = 100;
const BATCHES = ITEMS / BATCH;
/** Jira requests in flight at once (JIRA_MAX_CONCURRENCY's default): batches a kill can cut. */
const LANES = 4;
const MAX_RPS = 40;
const DELAY_MS = 10;
const teams = Array.from({ length: CLOUD_TRIALS + DC_TRIALS }, (_, t) => ({ id: `team-${t}`, project: `S${String.fromCharCode(65 + t)}` }));

let redis: TestRedis;
let client: Redis;
let fake: FakeJira;
let dir: string;
let teamFile: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  client = redis.client();
  fake = await startFakeJira(generateSite({ count: 0 }), { delayMs: DELAY_MS });
  dir = mkdtempSync(join(tmpdir(), 'who-owns-sync-crash-'));
  teamFile = join(dir, 'teams.yaml');
  writeFileSync(teamFile, `teams:\n${teams.map((t) => `  - id: ${t.id}\n    name: Team ${t.project}\n    jira: { projects: [${t.project}] }\n`).join('')}`);
});
afterAll(async () => {
  for (const child of children) await killHard(child);
  await fake.close();
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function startWorker(prefix: string, deployment: 'cloud' | 'datacenter'): Promise<ChildProcess> {
  const child = await startWorkerProcess('test/support/sync-worker-process.ts', { redisUrl: redis.url, prefix, jiraUrl: fake.url, teamFile, deployment, maxRps: MAX_RPS, lockMs: 1000 });
  children.push(child);
  return child;
}

/** Puts only trial `t`'s project on the site (`ITEMS` items) and returns their keys in site order. */
function useProject(t: number): { team: { id: string; project: string }; siteKeys: string[] } {
  const team = teams[t];
  if (!team) throw new Error(`no team ${t}`);
  const issues = generateSite({ count: ITEMS, projectKey: team.project }).issues.map((issue, i): Record<string, unknown> => ({ ...issue, id: String((t + 1) * 1_000_000 + i + 1) }));
  fake.site.issues.splice(0, fake.site.issues.length, ...issues);
  return { team, siteKeys: issues.map((i) => String(i.key)) };
}

function harness(prefix: string) {
  const queue = new Queue(QUEUES.sync, { connection: client, prefix });
  const { items: store, syncCursors: cursors } = testAdapters(client, { prefix, teams: [] }).adapters;
  return {
    queue,
    cursors,
    store,
    async add(teamId: string): Promise<string> {
      const jobId = `fault-sync-${teamId}`;
      await queue.add('scope', { kind: 'scope', teamId, mode: 'full' }, { jobId, attempts: 3, backoff: { type: 'fixed', delay: 200 } });
      return jobId;
    },
    async completed(jobId: string): Promise<ScopeSummary> {
      await waitFor(
        async () => {
          const state = await queue.getJobState(jobId);
          if (state === 'failed') throw new Error(`sync ${jobId} failed: ${(await queue.getJob(jobId))?.failedReason}`);
          return state === 'completed';
        },
        20_000,
        `the resumed sync ${jobId}`,
        50,
      );
      return (await queue.getJob(jobId))?.returnvalue as ScopeSummary;
    },
    /** After the resumed run: the team's index holds exactly the site's items, each with a verdict; the run ended cleanly. */
    async checkStore(teamId: string, siteKeys: string[]): Promise<{ lost: string[]; extra: string[] }> {
      const stored = await store.teamItemKeys(teamId);
      const storedSet = new Set(stored);
      const site = new Set(siteKeys);
      const [items, verdicts] = await Promise.all([store.getItems(siteKeys), store.getVerdicts(siteKeys)]);
      const lost = siteKeys.filter((key, i) => !storedSet.has(key) || !items[i] || verdicts[i]?.teamId !== teamId);
      const extra = stored.filter((key) => !site.has(key));
      expect(lost, `${teamId}: lost`).toEqual([]);
      expect(extra, `${teamId}: extra`).toEqual([]);
      expect(stored).toHaveLength(siteKeys.length);
      expect(await cursors.cursor(teamId)).not.toBeNull();
      expect(await cursors.progress(teamId)).toBeNull();
      expect((await cursors.seen(teamId)).size).toBe(0);
      return { lost, extra };
    },
  };
}

const jitter = () => new Promise((r) => setTimeout(r, randomInt(0, 20)));

describe('faults/sync-crash', () => {
  it(`Cloud: a full sync of ${ITEMS} items SIGKILLed at a random batch resumes without losing, doubling or refetching stored batches (${CLOUD_TRIALS} trials)`, async ({ task }) => {
    const h = harness('{sync-crash}');
    const results: { killedAt: number; storedAtKill: number; skipped: number; inFlight: number; lost: number; duplicated: number }[] = [];
    let worker = await startWorker('{sync-crash}', 'cloud');
    for (let t = 0; t < CLOUD_TRIALS; t++) {
      const { team, siteKeys } = useProject(t);
      const firstFetch = fake.bulkFetches.length;
      const firstSearch = fake.searches.length;
      const jobId = await h.add(team.id);
      // Kill at a random point: while keys are listed (0) or after some batches reached Jira.
      const killAt = randomInt(0, BATCHES - 2);
      await waitFor(() => (killAt === 0 ? fake.searches.length > firstSearch : fake.bulkFetches.length - firstFetch >= killAt), 20_000, `batch ${killAt} of trial ${t}`, 2);
      await jitter();
      await killHard(worker);
      const killedAt = Date.now();
      const seenAtKill = await h.cursors.seen(team.id);
      const storedAtKill = (await h.store.teamItemKeys(team.id)).length;
      // The kill landed mid-sync: the job was still running and no cursor was set.
      expect(await h.queue.getJobState(jobId), `trial ${t}`).toBe('active');
      expect(await h.cursors.cursor(team.id)).toBeNull();

      worker = await startWorker('{sync-crash}', 'cloud');
      const summary = await h.completed(jobId);
      const { lost, extra } = await h.checkStore(team.id, siteKeys);

      // Batches stored before the kill are not fetched again; only those in flight are.
      const calls = fake.bulkFetches.slice(firstFetch);
      const before = new Set(calls.filter((c) => c.at <= killedAt).flatMap((c) => c.keys));
      const after = calls.filter((c) => c.at > killedAt).flatMap((c) => c.keys);
      const refetchedStored = after.filter((key) => seenAtKill.has(key));
      const inFlight = after.filter((key) => before.has(key)).length;
      results.push({ killedAt: killAt, storedAtKill, skipped: seenAtKill.size, inFlight, lost: lost.length, duplicated: extra.length + refetchedStored.length });
      expect(refetchedStored, `trial ${t}: stored batches refetched`).toEqual([]);
      expect(new Set(after).size, `trial ${t}: a key fetched twice after the restart`).toBe(after.length);
      expect(inFlight).toBeLessThanOrEqual(LANES * BATCH);
      expect(new Set([...before, ...after]).size).toBe(ITEMS);
      expect(summary.fetched).toBe(after.length);
      expect(summary.deleted).toBe(0);
    }
    await killHard(worker);
    await h.queue.close();

    const skipped = results.reduce((n, r) => n + r.skipped, 0);
    const inFlight = results.reduce((n, r) => n + r.inFlight, 0);
    recordFaultFigures(task, {
      trials: CLOUD_TRIALS,
      faultsInjected: CLOUD_TRIALS,
      checked: CLOUD_TRIALS * ITEMS,
      lost: results.reduce((n, r) => n + r.lost, 0),
      duplicated: results.reduce((n, r) => n + r.duplicated, 0),
      detail: `a sync worker process (lock 1 s) ran a Cloud full sync of ${ITEMS} items (one key listing, then ${BATCHES} bulk fetches of ${BATCH}, ${LANES} in flight, ${MAX_RPS} requests/s, ${DELAY_MS} ms per request) and was SIGKILLed after bulk fetch ${results.map((r) => r.killedAt).join(', ')} (0: during the listing); a new process resumed the stalled job. Each time the team's index held exactly the site's items, each with a verdict, and the cursor was set; the ${skipped.toLocaleString('en-US')} items stored before the kills were not fetched again, the ${inFlight.toLocaleString('en-US')} in flight were (duplicated counts keys extra in the index and stored items fetched again).`,
    });
    process.stdout.write(`sync-crash (cloud): ${CLOUD_TRIALS} trials, killed after bulk fetch ${results.map((r) => `${r.killedAt} (${r.storedAtKill} stored)`).join(', ')}; ${skipped} stored items not refetched, ${inFlight} in flight refetched; 0 lost, 0 duplicated\n`);
    expect(results.filter((r) => r.skipped > 0).length).toBeGreaterThan(0);
  });

  it(`Data Center: a full sync of ${ITEMS} items paged by issue id, SIGKILLed at a random page, resumes after its saved last id (${DC_TRIALS} trials)`, async ({ task }) => {
    const h = harness('{sync-crash-dc}');
    const results: { killedAt: number; resumedAt: number; refetchedPages: number; lost: number; duplicated: number }[] = [];
    let worker = await startWorker('{sync-crash-dc}', 'datacenter');
    for (let t = CLOUD_TRIALS; t < CLOUD_TRIALS + DC_TRIALS; t++) {
      const { team, siteKeys } = useProject(t);
      const firstSearch = fake.searches.length;
      const jobId = await h.add(team.id);
      const killAt = randomInt(1, BATCHES - 2);
      await waitFor(() => fake.searches.length - firstSearch >= killAt, 20_000, `page ${killAt} of trial ${t}`, 2);
      await jitter();
      await killHard(worker);
      const killedAt = Date.now();
      const saved = await h.cursors.progress(team.id);
      expect(await h.queue.getJobState(jobId), `trial ${t}`).toBe('active');
      expect(await h.cursors.cursor(team.id)).toBeNull();

      worker = await startWorker('{sync-crash-dc}', 'datacenter');
      const summary = await h.completed(jobId);
      const { lost, extra } = await h.checkStore(team.id, siteKeys);

      // Pages before the saved resume point are not requested again; the one being stored may be.
      // Each page asks for the issues after the last id of the one before (`id > N`), from startAt 0.
      const pages = fake.searches.slice(firstSearch).map((body, i) => ({ after: Number(/\bid > (\d+)/.exec(String(body.jql))?.[1] ?? 0), startAt: Number(body.startAt ?? 0), at: fake.searchedAt[firstSearch + i] ?? 0 }));
      const before = pages.filter((p) => p.at <= killedAt).map((p) => p.after);
      const after = pages.filter((p) => p.at > killedAt).map((p) => p.after);
      const resumeAt = Number(saved?.next ?? 0);
      const storedBeforeResume = resumeAt ? resumeAt - (t + 1) * 1_000_000 : 0;
      const refetchedStored = after.filter((key) => key < resumeAt);
      const refetchedPages = after.filter((key) => before.includes(key)).length;
      results.push({ killedAt: killAt, resumedAt: storedBeforeResume, refetchedPages, lost: lost.length, duplicated: extra.length + refetchedStored.length });
      expect(pages.every((p) => p.startAt === 0)).toBe(true);
      expect(after[0], `trial ${t}: first page after the restart`).toBe(resumeAt);
      expect(refetchedStored).toEqual([]);
      expect(new Set(after).size).toBe(after.length);
      expect(refetchedPages).toBeLessThanOrEqual(1);
      expect(summary.fetched).toBe(ITEMS - storedBeforeResume);
      expect(summary.deleted).toBe(0);
    }
    await killHard(worker);
    await h.queue.close();

    const refetched = results.reduce((n, r) => n + r.refetchedPages, 0);
    recordFaultFigures(task, {
      trials: DC_TRIALS,
      faultsInjected: DC_TRIALS,
      checked: DC_TRIALS * ITEMS,
      lost: results.reduce((n, r) => n + r.lost, 0),
      duplicated: results.reduce((n, r) => n + r.duplicated, 0),
      detail: `the same with a Data Center site: ${BATCHES} search pages of ${BATCH} one after another by issue id (\`id > last ORDER BY id\`, always from startAt 0), SIGKILLed after page ${results.map((r) => r.killedAt).join(', ')}; the new process resumed after the saved last id (${results.map((r) => r.resumedAt).join(', ')} items already stored) and requested no earlier page again; ${refetched} page(s) being stored at a kill were read twice.`,
    });
    process.stdout.write(`sync-crash (datacenter): ${DC_TRIALS} trials, killed after page ${results.map((r) => `${r.killedAt} (resumed after ${r.resumedAt} items)`).join(', ')}; ${refetched} in-flight page(s) refetched; 0 lost, 0 duplicated\n`);
  });
});
