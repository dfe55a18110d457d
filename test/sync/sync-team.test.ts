import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TeamProfile } from '../../src/domain/team.js';
import { type SyncDeps, refreshItems, syncTeam } from '../../src/sync/sync-team.js';
import type { JiraSite } from '../../src/runtime/adapters.js';
import { syncDepsFrom } from '../../src/sync/wire.js';
import { aTeam } from '../support/builders.js';
import { type FakeJira, generateSite, startFakeJira, touch } from '../support/fake-jira-server.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { testAdapters } from '../support/test-adapters.js';

const team: TeamProfile = aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [], components: [] } });
let redis: TestRedis;
let client: Redis;
const servers: FakeJira[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  client = redis.client();
});
afterEach(async () => {
  await client.flushall();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => redis.stop());

async function fake(count: number, options: Parameters<typeof generateSite>[0] extends infer O ? Partial<O> : never = {}, faults = {}): Promise<FakeJira> {
  const server = await startFakeJira(generateSite({ count, ...options }), faults);
  servers.push(server);
  return server;
}

/** The sync's dependencies as a process builds them, with the site they read (its request gate counts what Jira answered). */
function depsFor(server: FakeJira, overrides: Partial<SyncDeps> & { deployment?: 'cloud' | 'datacenter'; timeoutMs?: number } = {}): SyncDeps & { site: JiraSite } {
  const { deployment, timeoutMs, ...rest } = overrides;
  const credentials: Record<string, string> = deployment === 'datacenter' ? { JIRA_PAT: 'pat' } : { JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 'x' };
  const { adapters, config } = testAdapters(client, {
    prefix: 'wo',
    teams: [team],
    env: { JIRA_BASE_URL: server.url, JIRA_DEPLOYMENT: deployment ?? 'cloud', JIRA_MAX_RPS: '1000', ...credentials },
    jira: { limits: { baseBackoffMs: 2, maxBackoffMs: 20, maxAttempts: 30 }, timeoutMs: timeoutMs ?? 5_000 },
  });
  const site = adapters.jira;
  if (!site) throw new Error('the test site is configured');
  return { ...syncDepsFrom(adapters, config, { now: () => new Date('2026-11-23T10:00:00Z') }), pageSize: 100, ...rest, site };
}

describe('sync/sync-team against a fake Jira on loopback and a real Redis', () => {
  it('pages search/jql to the very last page for 10k+ items and stores every one with its verdict', async () => {
    const server = await fake(10_050);
    const deps = depsFor(server, { fastFullSync: false });

    const summary = await syncTeam(deps, team, 'full');

    expect(summary).toMatchObject({ mode: 'full', fetched: 10_050, changed: 10_050, requests: 101 });
    expect(await deps.store.teamItemKeys('payments')).toHaveLength(10_050);
    expect((await deps.store.getVerdict('PAY-10050'))?.role).toBe('PM');
    expect((await deps.store.getVerdict('PAY-10049'))?.role).toBe('PO');
  });

  it('lists keys 5,000 a page, then bulk-fetches every item in parallel batches', async () => {
    const server = await fake(10_050);
    const deps = depsFor(server);

    const summary = await syncTeam(deps, team, 'full');

    expect(summary).toMatchObject({ mode: 'full', fetched: 10_050, changed: 10_050, requests: 3 + 101 });
    expect(await deps.store.teamItemKeys('payments')).toHaveLength(10_050);
  });

  it('maps fields correctly on two sites whose custom field ids differ', async () => {
    const a = await fake(20, { fieldIds: { storyPoints: 'customfield_10016', sprint: 'customfield_10020' } });
    const b = await fake(20, { fieldIds: { storyPoints: 'customfield_12310', sprint: 'customfield_12500' }, projectKey: 'PAY' });

    await syncTeam(depsFor(a), team, 'full');
    const fromA = await depsFor(a).store.getItem('PAY-1');
    await client.flushall();
    await syncTeam(depsFor(b), team, 'full');
    const fromB = await depsFor(b).store.getItem('PAY-1');

    expect(fromA).toMatchObject({ storyPoints: 3, sprints: [{ name: 'Sprint 7' }] });
    expect(fromB).toMatchObject({ storyPoints: 3, sprints: [{ name: 'Sprint 7' }] });
  });

  it('ends with every item stored despite 429 Retry-After: 0, 503 storms and hung requests', async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const server = await fake(1_200, {}, { rateLimitShare: 0.2, unavailableShare: 0.15, hangShare: 0.05, random });
    const deps = depsFor(server, { timeoutMs: 300 });

    const summary = await syncTeam(deps, team, 'full');

    expect(server.injected).toBeGreaterThan(0);
    expect(summary.fetched).toBe(1_200);
    expect(await deps.store.teamItemKeys('payments')).toHaveLength(1_200);
    expect(deps.site.clients.gate.stats.rateLimited).toBeGreaterThan(0);
  });

  it('resumes an interrupted page-by-page sync from its last page without refetching finished pages', async () => {
    const server = await fake(1_000);
    const crash = new Error('worker killed');
    const first = depsFor(server, {
      fastFullSync: false,
      afterPage: (_scope, page) => {
        if (page === 3) throw crash;
      },
    });
    await expect(syncTeam(first, team, 'full')).rejects.toBe(crash);
    const searchesBefore = server.searches.length;

    const summary = await syncTeam(depsFor(server, { fastFullSync: false }), team, 'full');

    expect(searchesBefore).toBe(4);
    expect(summary.requests).toBe(6);
    expect(server.searches[searchesBefore]?.nextPageToken).toBeTruthy();
    expect(await first.store.teamItemKeys('payments')).toHaveLength(1_000);
  });

  it('resumes an interrupted batched sync without refetching stored batches', async () => {
    const server = await fake(1_000);
    const crash = new Error('worker killed');
    let stored = 0;
    const first = depsFor(server, {
      afterPage: () => {
        if (++stored === 4) throw crash;
      },
    });
    await expect(syncTeam(first, team, 'full')).rejects.toBe(crash);
    const fetchedBefore = await first.cursors.seen('payments');

    const summary = await syncTeam(depsFor(server), team, 'full');

    expect(fetchedBefore.size).toBeGreaterThanOrEqual(400);
    expect(summary.fetched).toBe(1_000 - fetchedBefore.size);
    expect(await first.store.teamItemKeys('payments')).toHaveLength(1_000);
  });

  it.each([
    { path: 'batched', fastFullSync: true },
    { path: 'page-by-page', fastFullSync: false },
  ])('attributes again an unchanged item stored without its verdict ($path full sync)', async ({ fastFullSync }) => {
    const server = await fake(50);
    const waiting = server.site.issues.find((i) => i.key === 'PAY-5') as { fields: Record<string, unknown> };
    waiting.fields.status = { name: 'Ready for acceptance', statusCategory: { key: 'indeterminate' } };
    const deps = depsFor(server, { fastFullSync });
    await syncTeam(deps, team, 'full');
    // A story (PO), an initiative (PM) and a story waiting for the PO's acceptance.
    const orphans = ['PAY-3', 'PAY-10', 'PAY-5'];
    const expected = await deps.store.getVerdicts(orphans);
    expect(expected.map((v) => v?.role)).toEqual(['PO', 'PM', 'PO']);
    expect(await deps.store.awaitingAcceptanceKeys('payments')).toEqual(['PAY-5']);
    // A sync process died between writing a batch's items and their verdicts: the items are
    // stored, their verdicts and index entries (RedisItemStore's keys) were never written.
    await client
      .multi()
      .hdel('wo:verdicts', ...orphans)
      .srem('wo:team:payments', ...orphans)
      .srem('wo:attention:payments', ...orphans)
      .srem('wo:acceptance:payments', ...orphans)
      .exec();
    expect(await deps.store.getItems(orphans)).toMatchObject(orphans.map((key) => ({ key })));
    expect(await deps.store.getVerdicts(orphans)).toEqual([null, null, null]);
    expect(await deps.store.awaitingAcceptanceKeys('payments')).toEqual([]);

    // Nothing changed in Jira since; the resumed run (a full one) reads the same items again.
    const summary = await syncTeam(depsFor(server, { fastFullSync }), team, 'full');

    // Only the three are attributed again: items stored with their verdicts are left alone.
    expect(summary).toMatchObject({ fetched: 50, changed: orphans.length });
    expect(await deps.store.getVerdicts(orphans)).toEqual(expected);
    expect(await deps.store.teamItemKeys('payments')).toEqual(expect.arrayContaining(orphans));
    expect(await deps.store.teamItemKeys('payments')).toHaveLength(50);
    expect(await deps.store.awaitingAcceptanceKeys('payments')).toEqual(['PAY-5']);
  });

  // The 50k-item figure is measured by bench/jira-sync.bench.ts; 12k keeps this test quick.
  it('syncs incrementally: 10 changes in 12k items take at most 3 requests', async () => {
    const server = await fake(12_000, { initiativeEvery: 1000 });
    const deps = depsFor(server);
    await syncTeam(deps, team, 'full');
    for (let n = 1; n <= 10; n++) touch(server.site, `PAY-${n * 1000}`, new Date('2026-11-23T10:30:00Z'), `Changed ${n}`);
    const later = depsFor(server, { now: () => new Date('2026-11-23T11:00:00Z') });
    const before = server.requests;

    const summary = await syncTeam(later, team, 'incremental');

    expect(summary).toMatchObject({ mode: 'incremental', fetched: 10, changed: 10 });
    expect(server.requests - before).toBeLessThanOrEqual(3);
    expect((await later.store.getItem('PAY-10000'))?.summary).toBe('Changed 10');
  });

  it('removes items that disappeared from Jira on the next full sync', async () => {
    const server = await fake(50);
    const deps = depsFor(server);
    await syncTeam(deps, team, 'full');
    server.site.issues.splice(0, 5);

    const summary = await syncTeam(deps, team, 'full');

    expect(summary.deleted).toBe(5);
    expect(await deps.store.getItem('PAY-1')).toBeNull();
    expect(await deps.store.teamItemKeys('payments')).toHaveLength(45);
  });

  it('pages Data Center search by issue id, so a project larger than the result window syncs completely', async () => {
    const server = await fake(2_550);
    // Data Center answers 500 "Search limit exceeded" for startAt + maxResults beyond the window.
    server.site.resultWindow = 1_000;
    const deps = depsFor(server, { deployment: 'datacenter' });

    const summary = await syncTeam(deps, team, 'full');

    expect(summary).toMatchObject({ fetched: 2_550, requests: 26 });
    expect(await deps.store.teamItemKeys('payments')).toHaveLength(2_550);
    expect(server.searches.every((body) => Number(body.startAt ?? 0) === 0)).toBe(true);
    expect(server.searches.at(-1)?.jql).toBe('(project in ("PAY")) AND id > 102500 ORDER BY id ASC');
  });

  it('neither skips nor doubles Data Center items that change, leave or join while the sync runs', async () => {
    const server = await fake(300);
    const outsider = generateSite({ count: 60, projectKey: 'OPS' }).issues.at(-1) as { id: string; key: string; fields: Record<string, unknown> };
    outsider.id = '100050';
    server.site.issues.push(outsider);
    const deps = depsFor(server, {
      deployment: 'datacenter',
      afterPage: (_scope, page) => {
        if (page !== 0) return;
        // After the first page: two items it held are deleted, two later ones edited, and an
        // OPS issue whose id sorts inside the first page is moved into PAY (new key, same id).
        server.site.issues = server.site.issues.filter((i) => i.key !== 'PAY-10' && i.key !== 'PAY-20');
        touch(server.site, 'PAY-150', new Date('2026-11-23T10:01:00Z'), 'Edited mid-sync');
        touch(server.site, 'PAY-290', new Date('2026-11-23T10:01:00Z'), 'Edited mid-sync too');
        Object.assign(outsider, { key: 'PAY-301' });
        outsider.fields.project = { key: 'PAY', name: 'PAY' };
      },
    });

    const summary = await syncTeam(deps, team, 'full');

    // Every item read exactly once: the 100 of the first page and the 200 after it.
    expect(summary.fetched).toBe(300);
    const stored = await deps.store.getItems(['PAY-101', 'PAY-102', 'PAY-150', 'PAY-290', 'PAY-300']);
    expect(stored.map((i) => i?.key)).toEqual(['PAY-101', 'PAY-102', 'PAY-150', 'PAY-290', 'PAY-300']);
    expect(stored.map((i) => i?.summary).slice(2, 4)).toEqual(['Edited mid-sync', 'Edited mid-sync too']);
    // The moved issue is caught by the next (incremental) sync, like any change behind the key.
    touch(server.site, 'PAY-301', new Date('2026-11-23T10:02:00Z'));
    const next = await syncTeam(depsFor(server, { deployment: 'datacenter', now: () => new Date('2026-11-23T10:30:00Z') }), team, 'incremental');
    expect(next.fetched).toBeGreaterThanOrEqual(1);
    expect(await deps.store.getItem('PAY-301')).not.toBeNull();
  });

  it('resumes an interrupted Data Center sync after the last issue id it stored', async () => {
    const server = await fake(500);
    const crash = new Error('worker killed');
    const first = depsFor(server, {
      deployment: 'datacenter',
      afterPage: (_scope, page) => {
        if (page === 1) throw crash;
      },
    });
    await expect(syncTeam(first, team, 'full')).rejects.toBe(crash);
    const searchesBefore = server.searches.length;

    const summary = await syncTeam(depsFor(server, { deployment: 'datacenter' }), team, 'full');

    expect(server.searches[searchesBefore]?.jql).toBe('(project in ("PAY")) AND id > 100200 ORDER BY id ASC');
    expect(summary).toMatchObject({ fetched: 300, deleted: 0 });
    expect(await first.store.teamItemKeys('payments')).toHaveLength(500);
  });

  it('stops a scope whose credentials Jira refuses, with an error that names the fix', async () => {
    const server = await fake(10, {}, { status: 401 });

    await expect(syncTeam(depsFor(server), team, 'full')).rejects.toThrow(/401.*JIRA_API_TOKEN/);
  });

  it('dates waiting-for-acceptance from the changelog, not from the status category change', async () => {
    const server = await fake(20);
    const issue = server.site.issues.find((i) => i.key === 'PAY-5') as { id: string; fields: Record<string, unknown> };
    issue.fields.status = { name: 'Ready for acceptance', statusCategory: { key: 'indeterminate' } };
    issue.fields.statuscategorychangedate = '2026-11-10T09:00:00.000+0000';
    const move = (created: string, from: string, to: string) => ({ created, items: [{ field: 'status', fieldId: 'status', fromString: from, toString: to }] });
    server.site.changelogs.issueChangeLogs = [
      { issueId: issue.id, changeHistories: [move('2026-11-10T09:00:00.000+0000', 'To Do', 'In Progress'), move('2026-11-15T11:00:00.000+0000', 'In Progress', 'In Review'), move('2026-11-19T14:05:00.000+0000', 'In Review', 'Ready for acceptance')] },
    ] as unknown as { issueId: string }[];
    const deps = depsFor(server);

    await syncTeam(deps, team, 'full');

    expect((await deps.store.getItem('PAY-5'))?.statusChangedAt).toBe('2026-11-19T14:05:00.000Z');
    expect(await deps.store.awaitingAcceptanceKeys('payments')).toEqual(['PAY-5']);
  });

  it('syncs a team that names only a board, through the board’s saved filter', async () => {
    const server = await fake(10);
    server.site.issues.push(...generateSite({ count: 4, projectKey: 'PLAT' }).issues);
    server.site.boards = { values: [{ id: 31, name: 'PLAT board', type: 'scrum', location: { projectKey: 'PLAT' } }] };
    const platform = aTeam({ id: 'platform', name: 'Platform', jira: { projects: [], boards: [31], components: [] } });

    const summary = await syncTeam(depsFor(server, { teams: [platform] }), platform, 'full');

    expect(summary).toMatchObject({ scope: 'platform', fetched: 4 });
    expect(await depsFor(server).store.getItems(['PLAT-4', 'PAY-1'])).toMatchObject([{ key: 'PLAT-4' }, null]);
    // Board membership comes from the same search: the item is on board 31 and counts for the team.
    expect(await depsFor(server).store.getItem('PLAT-4')).toMatchObject({ boardIds: [31] });
    expect(await depsFor(server).store.teamItemKeys('platform')).toHaveLength(4);
  });

  it.each([
    { path: 'batched', fastFullSync: true },
    { path: 'page-by-page', fastFullSync: false },
  ])('syncs the rest of a scope when a board, its filter or a project cannot be read, and reports each ($path)', async ({ fastFullSync }) => {
    const server = await fake(120, {}, { refusePath: { match: /\/board\/13\/configuration/, status: 403 } });
    server.site.issues.push(...generateSite({ count: 5, projectKey: 'PLAT' }).issues.map((i, n) => ({ ...i, id: String(200_001 + n) })));
    // Board 12 works; board 13 answers 403; board 14's saved filter is not shared with the bot.
    server.site.boards = {
      values: [
        { id: 12, name: 'PLAT board', type: 'scrum', location: { projectKey: 'PLAT' } },
        { id: 13, name: 'Hidden board', type: 'scrum', location: { projectKey: 'PAY' } },
        { id: 14, name: 'Private filter board', type: 'scrum', filter: { id: 10_099 } },
      ],
    };
    const wide = aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY', 'SECRET'], boards: [12, 13, 14, 15], components: [] } });
    const deps = depsFor(server, { teams: [wide], fastFullSync });

    const summary = await syncTeam(deps, wide, 'full');

    expect(summary.fetched).toBe(125);
    expect(await deps.store.teamItemKeys('payments')).toHaveLength(125);
    expect(summary.warnings).toEqual([
      'board 13: the bot may not see this board (403): share the board and its filter with the bot account',
      'board 15: no such board, or the bot may not see it (404)',
      'project SECRET: not visible to the bot (no such project, or no Browse Projects permission)',
      'board 14: its saved filter 10099 is not shared with the bot',
    ]);
    expect(await deps.cursors.warnings('payments')).toEqual(summary.warnings);
    expect(summary.deleted).toBe(0);
  });

  it('keeps stored items of a part it cannot read instead of removing them', async () => {
    const server = await fake(30);
    const deps = depsFor(server);
    await syncTeam(deps, team, 'full');
    const twoProjects = aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY', 'GONE'], boards: [], components: [] } });
    server.site.issues.splice(0, 10);

    const summary = await syncTeam(depsFor(server, { teams: [twoProjects] }), twoProjects, 'full');

    expect(summary).toMatchObject({ fetched: 20, deleted: 0, warnings: [expect.stringMatching(/^project GONE: not visible/)] });
    expect(await deps.store.teamItemKeys('payments')).toHaveLength(30);
  });

  it('refreshes single items and drops deleted ones (webhook path)', async () => {
    const server = await fake(20);
    const deps = depsFor(server);
    await syncTeam(deps, team, 'full');
    touch(server.site, 'PAY-3', new Date('2026-11-23T10:30:00Z'), 'Renamed');
    server.site.issues.splice(
      server.site.issues.findIndex((i) => i.key === 'PAY-4'),
      1,
    );

    const summary = await refreshItems(deps, ['PAY-3', 'PAY-4']);

    expect(summary).toMatchObject({ fetched: 1, changed: 1, deleted: 1 });
    expect((await deps.store.getItem('PAY-3'))?.summary).toBe('Renamed');
    expect(await deps.store.getItem('PAY-4')).toBeNull();
  });
});

describe('sync metrics', () => {
  it('counts the verdicts a sync computes, by state, for /metrics', async () => {
    const { metrics } = await import('../../src/metrics.js');
    const before = (await metrics.registry.getSingleMetricAsString('who_owns_verdicts_total')).match(/state="owned"} (\d+)/)?.[1] ?? '0';
    const server = await fake(30);

    await syncTeam(depsFor(server), team, 'full');

    const after = (await metrics.registry.getSingleMetricAsString('who_owns_verdicts_total')).match(/state="owned"} (\d+)/)?.[1] ?? '0';
    expect(Number(after) - Number(before)).toBe(30);
  });
});
