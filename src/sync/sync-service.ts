import type { Redis } from 'ioredis';
import type { Config } from '../../config/schema.js';
import type { FieldMap } from '../jira/field-map.js';
import { backgroundClients, createJiraClients, type JiraClients, jiraSiteFromEnv } from '../jira/jira-clients.js';
import { fetchFieldMap } from '../jira/jira-source.js';
import { RedisDecisionStore } from '../store/redis-decision-store.js';
import { RedisItemStore } from '../store/redis-item-store.js';
import { SyncCursorStore } from './sync-cursor-store.js';
import { type ScopeSummary, type SyncDeps, syncTeam } from './sync-team.js';
import { count } from '../domain/plural.js';

/** Field ids are cached for a day: admins rarely add fields, and GET /field is not free. */
const FIELD_MAP_TTL_SECONDS = 24 * 3600;

function cachedFieldMap(clients: JiraClients, redis: Redis, prefix: string): () => Promise<FieldMap> {
  const key = `${prefix}:jira:fieldmap`;
  let inProcess: Promise<FieldMap> | undefined;
  return () =>
    (inProcess ??= (async () => {
      const cached = await redis.get(key);
      if (cached) return JSON.parse(cached) as FieldMap;
      const map = await fetchFieldMap(clients);
      await redis.set(key, JSON.stringify(map), 'EX', FIELD_MAP_TTL_SECONDS);
      return map;
    })().catch((error: unknown) => {
      inProcess = undefined;
      throw error;
    }));
}

/** Builds the sync's dependencies from configuration; throws when no Jira site is configured. */
export function buildSyncDeps(config: Config, redis: Redis, now: () => Date = () => new Date()): SyncDeps {
  const site = jiraSiteFromEnv(config.env);
  if (!site) throw new Error('no Jira site configured: set JIRA_BASE_URL and credentials (see `who-owns config check`)');
  // Sync is background work: with a points budget it leaves the interactive share to look-ups.
  const clients = backgroundClients(createJiraClients(site));
  const prefix = config.env.REDIS_PREFIX;
  const teams = config.teams.teams;
  return {
    clients,
    store: new RedisItemStore(redis, prefix, teams, site.baseUrl),
    cursors: new SyncCursorStore(redis, prefix),
    decisions: new RedisDecisionStore(redis, prefix),
    teams,
    fieldMap: cachedFieldMap(clients, redis, prefix),
    siteUrl: site.baseUrl,
    now,
    // Listing keys first costs a point per item again; on a points budget, one search pass is cheaper.
    fastFullSync: !site.pointsPerHour,
  };
}

export interface SyncRunSummary {
  scopes: ScopeSummary[];
  seconds: number;
  requests: number;
  /** Jira Cloud points the run spent. */
  points: number;
}

/** One sync of every team; a scope that fails is reported and the others go on. */
export async function runSyncOnce(deps: SyncDeps, mode: 'full' | 'incremental' = 'incremental'): Promise<SyncRunSummary> {
  const started = Date.now();
  const before = { requests: deps.clients.gate.stats.requests, points: deps.clients.gate.stats.points };
  const scopes: ScopeSummary[] = [];
  for (const team of deps.teams) {
    try {
      scopes.push(await syncTeam(deps, team, mode));
    } catch (error) {
      scopes.push({ scope: team.id, mode, fetched: 0, changed: 0, deleted: 0, rejected: 0, requests: 0, warnings: [], error: error instanceof Error ? error.message : String(error) });
    }
  }
  const { stats } = deps.clients.gate;
  return { scopes, seconds: (Date.now() - started) / 1000, requests: stats.requests - before.requests, points: stats.points - before.points };
}

export function formatSyncSummary(run: SyncRunSummary): string {
  const sum = (f: (s: ScopeSummary) => number) => run.scopes.reduce((n, s) => n + f(s), 0);
  const failed = run.scopes.filter((s) => s.error);
  const line = `synced ${count(run.scopes.length, 'scope')}: ${sum((s) => s.fetched)} items fetched, ${sum((s) => s.changed)} changed, ${sum((s) => s.deleted)} removed, ${run.requests} requests, ${run.points} points, ${run.seconds.toFixed(1)} s`;
  const warnings = run.scopes.flatMap((s) => s.warnings.map((w) => `  ${s.scope}: ${w}`));
  return [
    line + (failed.length ? `; ${failed.length} failed` : '') + (warnings.length ? `; ${count(warnings.length, 'warning')}, the rest synced` : ''),
    ...failed.map((s) => `  ${s.scope}: ${s.error}`),
    ...warnings,
  ].join('\n');
}
