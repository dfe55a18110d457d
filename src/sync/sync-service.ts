import { ScopeBusyError, type ScopeSummary, type SyncDeps, syncTeam } from './sync-team.js';
import type { TeamProfile } from '../domain/team.js';
import { count } from '../domain/plural.js';

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
  const before = deps.jira.usage();
  const scopes: ScopeSummary[] = [];
  for (const team of deps.teams) {
    try {
      scopes.push(await syncWhenFree(deps, team, mode));
    } catch (error) {
      scopes.push({ scope: team.id, mode, fetched: 0, changed: 0, deleted: 0, rejected: 0, requests: 0, warnings: [], error: error instanceof Error ? error.message : String(error) });
    }
  }
  const after = deps.jira.usage();
  return { scopes, seconds: (Date.now() - started) / 1000, requests: after.requests - before.requests, points: after.points - before.points };
}

/** Waits out another run of the scope (a worker's, another `who-owns sync`), then syncs it: that run may have read its items before the changes this one is for. */
async function syncWhenFree(deps: SyncDeps, team: TeamProfile, mode: 'full' | 'incremental'): Promise<ScopeSummary> {
  for (;;) {
    try {
      return await syncTeam(deps, team, mode);
    } catch (error) {
      if (!(error instanceof ScopeBusyError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, error.retryInMs));
    }
  }
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
