/**
 * Jira sync benchmark. A fake Jira Cloud on loopback answers every request after LATENCY ms
 * and allows RPS requests per second (429 with Retry-After beyond). The team is configured as
 * config/who-owns.example.yaml configures one: a project and the board on it. Measured in the
 * same run:
 *   (a) a naive serial jira.js loop paging search/jql 100 at a time,
 *   (b) who-owns' full sync (board filter read once, list keys 5,000 a page, bulk-fetch
 *       batches in parallel; rank and sprints come with each item),
 *   (c) the bound the rate limit sets: (b)'s request count / RPS.
 * Also: requests for an incremental sync after 10 changes in 50k items, Redis memory per item,
 * and a Data Center full sync of DC_ITEMS behind the default 10,000 result window (every item
 * once: none missing, none doubled).
 * Sizes: BENCH_SYNC_ITEMS (20000), BENCH_LATENCY_MS (400), BENCH_RPS (10), BENCH_DC_ITEMS (50000).
 */
import type { Redis } from 'ioredis';
import { Version3Client } from 'jira.js';
import { startJiraSiteServer } from '../src/demo/sample-jira-server.js';
import type { TeamProfile } from '../src/domain/team.js';
import { type FieldDescription, fieldMapFromFields } from '../src/jira/field-map.js';
import { requestedFields } from '../src/jira/jira-source.js';
import { type SyncDeps, syncTeam } from '../src/sync/sync-team.js';
import { syncDepsFrom } from '../src/sync/wire.js';
import { aTeam } from '../test/support/builders.js';
import { generateSite, touch } from '../test/support/fake-jira-server.js';
import { startPacedJiraProcess } from '../test/support/fake-jira-process.js';
import { startTestRedis } from '../test/support/redis-server.js';
import { testAdapters } from '../test/support/test-adapters.js';

const ITEMS = Number(process.env.BENCH_SYNC_ITEMS ?? 20_000);
const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? 400);
const RPS = Number(process.env.BENCH_RPS ?? 10);
const INCREMENTAL_ITEMS = Number(process.env.BENCH_INCREMENTAL_ITEMS ?? 50_000);
const DC_ITEMS = Number(process.env.BENCH_DC_ITEMS ?? 50_000);

// As config/who-owns.example.yaml has it: project PAY and board 12 (whose filter is the project).
const team: TeamProfile = aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [12], components: [] } });
const BOARDS = { values: [{ id: 12, name: 'PAY board', type: 'scrum', location: { projectKey: 'PAY' } }] };

/** A generated site with the example's board on it. */
function siteWithBoard(options: Parameters<typeof generateSite>[0]) {
  return { ...generateSite(options), boards: BOARDS };
}

async function naiveLoop(url: string): Promise<{ seconds: number; items: number; requests: number }> {
  const client = new Version3Client({ host: url, authentication: { basic: { email: 'bench@example.com', apiToken: 'x' } } });
  const fields = requestedFields(fieldMapFromFields((await client.issueFields.getFields()) as unknown as FieldDescription[]));
  const started = Date.now();
  let items = 0;
  let requests = 0;
  let nextPageToken: string | undefined;
  do {
    const page = await client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({ jql: 'project in ("PAY") ORDER BY key ASC', fields, maxResults: 100, ...(nextPageToken ? { nextPageToken } : {}) });
    requests++;
    items += page.issues?.length ?? 0;
    nextPageToken = page.nextPageToken ?? undefined;
  } while (nextPageToken);
  return { seconds: (Date.now() - started) / 1000, items, requests };
}

/** The sync as a `work` process wires it: 8 requests in flight, `rps` a second. */
function benchSyncDeps(client: Redis, url: string, rps: number, deployment: 'cloud' | 'datacenter' = 'cloud'): SyncDeps {
  const credentials: Record<string, string> = deployment === 'cloud' ? { JIRA_EMAIL: 'bench@example.com', JIRA_API_TOKEN: 'x' } : { JIRA_PAT: 'bench-pat' };
  const env = { JIRA_BASE_URL: url, JIRA_DEPLOYMENT: deployment, ...credentials, JIRA_MAX_CONCURRENCY: '8', JIRA_MAX_RPS: String(rps) };
  const { adapters, config } = testAdapters(client, { prefix: 'bench', teams: [team], env });
  return syncDepsFrom(adapters, config, { now: () => new Date() });
}

async function main(): Promise<void> {
  const redis = await startTestRedis({ appendOnly: false });
  const client = redis.client();
  try {
    // (a) naive and (b) who-owns against the same paced fake, in its own process as Jira is.
    const paced = await startPacedJiraProcess({ site: { count: ITEMS }, boards: BOARDS.values, latencyMs: LATENCY, rps: RPS });
    const naive = await naiveLoop(paced.url);
    const naiveRateLimited = (await paced.report()).rateLimited;
    console.log(`naive serial loop: ${naive.items} items, ${naive.requests} requests, ${naive.seconds.toFixed(1)} s`);

    // Let the naive loop's requests leave the fake's one-second window first.
    await new Promise((r) => setTimeout(r, 1100));
    const usedBefore = Number(/used_memory:(\d+)/.exec(await client.info('memory'))?.[1]);
    const deps = benchSyncDeps(client, paced.url, RPS);
    const fieldMapRequests = 1;
    const before = await paced.report();
    const started = Date.now();
    const summary = await syncTeam(deps, team, 'full');
    const fastSeconds = (Date.now() - started) / 1000;
    const after = await paced.report();
    const fastRequests = after.requests - before.requests;
    const fast429 = after.rateLimited - before.rateLimited;
    const bound = (fastRequests - fast429 - fieldMapRequests) / RPS;
    const usedAfter = Number(/used_memory:(\d+)/.exec(await client.info('memory'))?.[1]);
    const bytesPerItem = (usedAfter - usedBefore) / summary.fetched;
    console.log(`who-owns full sync: ${summary.fetched} items, ${fastRequests} requests (${fast429} answered 429, all waited out), ${fastSeconds.toFixed(1)} s; rate-limit bound ${bound.toFixed(1)} s`);
    console.log(`Redis memory: ${bytesPerItem.toFixed(0)} bytes per item (item, verdict and indexes)`);
    await paced.close();

    // Incremental: 10 changes in a large site; request count is what matters, so no pacing.
    await client.flushall();
    const big = siteWithBoard({ count: INCREMENTAL_ITEMS, initiativeEvery: 1000 });
    const bigServer = await startJiraSiteServer(big);
    const bigDeps: SyncDeps = { ...benchSyncDeps(client, bigServer.url, 1000), now: () => new Date('2026-11-23T10:00:00Z') };
    await syncTeam(bigDeps, team, 'full');
    for (let n = 1; n <= 10; n++) touch(big, `PAY-${n * Math.floor(INCREMENTAL_ITEMS / 10)}`, new Date('2026-11-23T10:30:00Z'), `changed ${n}`);
    const beforeIncremental = bigServer.requests;
    const incremental = await syncTeam({ ...bigDeps, now: () => new Date('2026-11-23T11:00:00Z') }, team, 'incremental');
    // Field ids and the board's filter are cached by then: every request is a search.
    const incrementalRequests = bigServer.requests - beforeIncremental;
    console.log(`incremental sync after 10 changes in ${INCREMENTAL_ITEMS} items: ${incremental.changed} changed, ${incrementalRequests} request(s)`);
    await bigServer.close();

    const dc = await dataCenterSync(client);
    console.log(`Data Center full sync of ${DC_ITEMS} items (result window 10,000): ${dc.stored} stored, ${dc.missing} missing, ${dc.doubled} doubled, ${dc.requests} requests, ${dc.seconds.toFixed(1)} s`);

    const result = {
      bench: 'jira-sync',
      title: 'Jira sync against a rate-limited Jira',
      figures: [
        { name: `full sync of ${ITEMS} items`, value: Number(fastSeconds.toFixed(2)), unit: 's', higherIsBetter: false, baseline: { name: 'naive serial jira.js page loop', value: Number(naive.seconds.toFixed(2)), unit: 's' } },
        { name: 'full sync vs the rate-limit bound', value: Number(fastSeconds.toFixed(2)), unit: 's', higherIsBetter: false, baseline: { name: `bound: ${fastRequests - fast429 - fieldMapRequests} requests at ${RPS}/s`, value: Number(bound.toFixed(2)), unit: 's' } },
        { name: 'requests answered 429 (all retried, none unhandled)', value: fast429, unit: 'responses', higherIsBetter: false, baseline: { name: 'naive loop', value: naiveRateLimited, unit: 'responses' } },
        { name: `incremental sync after 10 changes in ${INCREMENTAL_ITEMS} items`, value: incrementalRequests, unit: 'requests', higherIsBetter: false },
        { name: 'Redis memory per item', value: Math.round(bytesPerItem), unit: 'bytes', higherIsBetter: false },
        { name: `Data Center full sync of ${DC_ITEMS} items behind the 10,000 result window: items stored`, value: dc.stored, unit: 'items', higherIsBetter: true },
        { name: 'Data Center full sync: items missing', value: dc.missing, unit: 'items', higherIsBetter: false },
        { name: 'Data Center full sync: items read twice', value: dc.doubled, unit: 'items', higherIsBetter: false },
      ],
      notes: `Fake Jira Cloud on loopback, in its own process: ${LATENCY} ms per answered request, ${RPS} requests/s then 429 (Retry-After: 1). who-owns gate: 8 in flight, ${RPS} requests/s. The team has a project and its board, as in config/who-owns.example.yaml; the bound counts every request of the sync, the board's configuration included. Data Center: the fake answers 500 "Search limit exceeded" for startAt + maxResults beyond 10,000, unpaced.`,
    };
    console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
  } finally {
    client.disconnect();
    await redis.stop();
  }
}

/** Data Center, unpaced: every item of a project larger than the result window, each read once. */
async function dataCenterSync(client: Redis) {
  await client.flushall();
  const site = siteWithBoard({ count: DC_ITEMS, initiativeEvery: 1000 });
  const server = await startJiraSiteServer(site);
  const deps = benchSyncDeps(client, server.url, 1000, 'datacenter');
  const started = Date.now();
  const summary = await syncTeam(deps, team, 'full');
  const seconds = (Date.now() - started) / 1000;
  const stored = new Set(await deps.store.teamItemKeys(team.id));
  const missing = site.issues.filter((i) => !stored.has(String(i.key))).length;
  await server.close();
  return { stored: stored.size, missing, doubled: summary.fetched - stored.size, requests: server.requests, seconds };
}

await main();
