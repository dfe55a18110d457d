// Full, incremental and refresh syncs share one page-storing step and one reconciliation
// rule; they stay in one file, though long, so the store's invariants read in one place.
import { attentionChanges } from '../domain/attention-changes.js';
import { attributeAll } from '../domain/attribution/attribute-all.js';
import type { TeamProfile } from '../domain/team.js';
import type { Verdict } from '../domain/verdict.js';
import type { WorkItem } from '../domain/work-item.js';
import { partsQuery, readInFull, type ScopeParts, scopeParts, withBoards, withoutRefused } from './scope-parts.js';
import type { DecisionStore, EventSink, ItemStore, JiraReader, LearnedState, SyncCursors } from '../ports.js';
import { withStatusEntry } from './status-entry.js';
import { metrics } from '../metrics.js';

export interface SyncDeps {
  /** The Jira site, read on the background lane: with a points budget, look-ups keep their share. */
  jira: JiraReader;
  store: ItemStore;
  cursors: SyncCursors;
  /** Decisions recorded in Slack; they override the rules on every re-attribution. */
  decisions?: DecisionStore;
  /** What the site's decisions taught attribution. */
  learned?: Pick<LearnedState, 'adjustment'>;
  teams: readonly TeamProfile[];
  now: () => Date;
  /** Re-read items updated this long before the cursor: Jira's `updated` index lags a little. */
  overlapMs?: number;
  pageSize?: number;
  /** Full syncs list keys first, then fetch batches in parallel, where the source is faster so (default on; false: page by page). */
  fastFullSync?: boolean;
  /** Told what a sync stored, which items newly need attention and which no longer do. */
  events?: EventSink;
  /** How soon a killed run's claim on its scope lapses, so another resumes it (the sync worker's lock duration; default 30 s). */
  claimMs?: number;
  /** Called after each stored page or batch (tests stop a run here to prove it resumes). */
  afterPage?: (scope: string, pageIndex: number) => void | Promise<void>;
}

export interface ScopeSummary {
  scope: string;
  mode: 'full' | 'incremental';
  fetched: number;
  changed: number;
  deleted: number;
  rejected: number;
  requests: number;
  /** Set when the scope stopped (e.g. credentials refused); other scopes go on. */
  error?: string;
  /** Parts of the scope that could not be read (a board, a project, a field); the rest synced. */
  warnings: string[];
}

const DEFAULT_OVERLAP_MS = 5 * 60_000;

/** Has anything attribution reads changed since the stored copy? */
function changed(fresh: WorkItem, stored: WorkItem | null): boolean {
  return !stored || stored.updated !== fresh.updated || JSON.stringify(stored.decision) !== JSON.stringify(fresh.decision);
}

/** Per team, what this run changed for people: keys that newly need attention, verdicts that no longer do. */
interface NewAttention {
  keys: Map<string, Set<string>>;
  resolved: Map<string, Verdict[]>;
}

function newAttention(): NewAttention {
  return { keys: new Map(), resolved: new Map() };
}

async function storePage(deps: SyncDeps, items: WorkItem[], attention: NewAttention): Promise<number> {
  const keys = items.map((i) => i.key);
  const [stored, storedVerdicts] = await Promise.all([deps.store.getItems(keys), deps.store.getVerdicts(keys)]);
  // An item stored without its verdict (the process died between the two writes) is attributed again.
  const candidates = items.filter((item, i) => changed(item, stored[i] ?? null) || !storedVerdicts[i]);
  if (candidates.length === 0) return 0;
  const dirty = await withStatusEntry(deps.jira, deps.teams, candidates);
  const parentKeys = [...new Set(dirty.map((i) => i.parentKey).filter((k): k is string => Boolean(k)))];
  const parents = await deps.store.getVerdicts(parentKeys);
  const known = new Map(parents.filter((v): v is Verdict => v !== null).map((v) => [v.key, v]));
  const [decisions, adjustment] = await Promise.all([deps.decisions ? deps.decisions.latestMany(dirty.map((i) => i.key)) : new Map(), deps.learned ? deps.learned.adjustment() : null]);
  const verdicts = attributeAll(dirty, deps.teams, decisions, known, adjustment);
  await deps.store.putItems(dirty);
  await deps.store.putVerdicts(verdicts);
  const before = new Map(storedVerdicts.filter((v): v is Verdict => v !== null).map((v) => [v.key, v]));
  for (const verdict of verdicts) metrics.verdicts.inc({ state: verdict.role === 'unclear' ? 'unclear' : verdict.state });
  const { needAttention, resolved } = attentionChanges(before, verdicts);
  for (const [team, keys] of needAttention) attention.keys.set(team, new Set([...(attention.keys.get(team) ?? []), ...keys]));
  for (const [team, list] of resolved) attention.resolved.set(team, [...(attention.resolved.get(team) ?? []), ...list]);
  return dirty.length;
}

/** Tells the process what the run stored: nudges react to new attention, nudges and digests to items resolved, reminders to the sync. */
async function announce(deps: SyncDeps, attention: NewAttention, teamId?: string): Promise<void> {
  if (!deps.events) return;
  for (const [team, keys] of attention.keys) await deps.events.emit('itemsNeedAttention', { teamId: team, keys: [...keys].sort() });
  for (const [team, verdicts] of attention.resolved) await deps.events.emit('verdictsResolved', { teamId: team, verdicts });
  await deps.events.emit('itemsSynced', teamId ? { teamId } : {});
}

/**
 * Syncs one team's scope. Full: every item, then reconciliation removes what Jira no longer
 * returns (deleted or moved away). Incremental: items updated since the cursor (minus an
 * overlap). Progress is saved after every page, so an interrupted run resumes where it stopped.
 * A part Jira will not show the bot (a board, a project, a filter) is left out and reported;
 * the rest syncs, and nothing is removed while a part is missing. One run per scope at a time,
 * across processes: while another holds the scope, this throws ScopeBusyError.
 */
export async function syncTeam(deps: SyncDeps, team: TeamProfile, requested: 'full' | 'incremental' = 'incremental'): Promise<ScopeSummary> {
  const claim = await deps.cursors.claim(team.id, deps.claimMs ?? DEFAULT_CLAIM_MS);
  if (!claim) throw new ScopeBusyError(team.id);
  try {
    return await syncClaimed(deps, team, requested);
  } finally {
    await claim.release();
  }
}

/** Another run (a worker, `who-owns sync`) is syncing the scope: the caller asks again in `retryInMs`. */
export class ScopeBusyError extends Error {
  readonly retryInMs = 1000;

  constructor(readonly scope: string) {
    super(`another sync of ${scope} is running`);
  }
}

const DEFAULT_CLAIM_MS = 30_000;

async function syncClaimed(deps: SyncDeps, team: TeamProfile, requested: 'full' | 'incremental'): Promise<ScopeSummary> {
  // Field discovery runs while the boards' filters are read and the first page is listed.
  const fieldWarnings = deps.jira.fieldWarnings();
  fieldWarnings.catch(() => undefined);
  let parts = await scopeParts(deps.jira, team);
  const attention = newAttention();
  for (;;) {
    try {
      const summary = await syncParts(deps, team, requested, parts, fieldWarnings, attention);
      await deps.cursors.saveWarnings(team.id, summary.warnings);
      metrics.syncWarnings.set({ scope: team.id }, summary.warnings.length);
      await announce(deps, attention, team.id);
      return summary;
    } catch (error) {
      // Jira refuses the whole search for one hidden value; each retry leaves at least one out.
      const narrowed = withoutRefused(parts, deps.jira.refused(error));
      if (!narrowed) throw error;
      parts = narrowed;
    }
  }
}

async function syncParts(deps: SyncDeps, team: TeamProfile, requested: 'full' | 'incremental', parts: ScopeParts, fieldWarnings: Promise<string[]>, attention: NewAttention): Promise<ScopeSummary> {
  const scope = team.id;
  const cursor = await deps.cursors.cursor(scope);
  const saved = await deps.cursors.progress(scope);
  const mode = saved?.mode ?? (requested === 'incremental' && cursor ? 'incremental' : 'full');
  const summary: ScopeSummary = { scope, mode, fetched: 0, changed: 0, deleted: 0, rejected: 0, requests: 0, warnings: [...parts.warnings] };
  const since = mode === 'incremental' && cursor ? new Date(Date.parse(cursor) - (deps.overlapMs ?? DEFAULT_OVERLAP_MS)) : undefined;
  const query = partsQuery(deps.jira, parts, since);
  // Nothing readable is left: report it and keep what is stored (and the cursor) as it is.
  if (!query) return summary;
  if (mode === 'full' && deps.jira.listsKeysFirst && deps.fastFullSync !== false) {
    return fullSyncInBatches(deps, team, parts, query, summary, saved?.startedAt ?? deps.now().toISOString(), fieldWarnings, attention);
  }
  const resume = saved && saved.jql === query ? saved : undefined;
  const startedAt = resume?.startedAt ?? deps.now().toISOString();
  summary.warnings.push(...(await fieldWarnings));
  let pageIndex = 0;
  for await (const { items, rejected, next } of deps.jira.pages(query, { pageSize: deps.pageSize, ...(resume ? { resumeFrom: resume.next } : {}) })) {
    summary.requests++;
    summary.fetched += items.length;
    summary.rejected += rejected.length;
    summary.changed += await storePage(deps, withBoards(items, parts), attention);
    if (mode === 'full') await deps.cursors.markSeen(scope, items.map((i) => i.key));
    if (next) await deps.cursors.saveProgress(scope, { jql: query, next, startedAt, mode });
    await deps.afterPage?.(scope, pageIndex++);
  }
  if (mode === 'full' && readInFull(parts)) {
    const seen = await deps.cursors.seen(scope);
    const gone = (await deps.store.teamItemKeys(team.id)).filter((key) => !seen.has(key));
    await deps.store.deleteItems(gone);
    summary.deleted = gone.length;
  }
  await deps.cursors.complete(scope, startedAt);
  return summary;
}

const BATCH = 100;

/**
 * A full sync at the rate limit's pace: list every key (5,000 a page), then bulk-fetch the
 * items 100 at a time, as many batches in flight as the request gate allows. Batches already
 * stored by an interrupted run (the seen set) are not fetched again.
 */
async function fullSyncInBatches(deps: SyncDeps, team: TeamProfile, parts: ScopeParts, query: string, summary: ScopeSummary, startedAt: string, fieldWarnings: Promise<string[]>, attention: NewAttention): Promise<ScopeSummary> {
  const scope = team.id;
  await deps.cursors.saveProgress(scope, { jql: query, next: 'batches', startedAt, mode: 'full' });
  const seen = await deps.cursors.seen(scope);
  const batches: string[][] = [];
  const waiting: (() => void)[] = [];
  const wake = () => {
    for (const resume of waiting.splice(0)) resume();
  };
  let listingDone = false;
  let index = 0;
  let failure: unknown;
  // Fetching starts with the first page of keys, so listing and fetching overlap.
  const listing = deps.jira.listKeys(query, (keys) => {
    const todo = keys.filter((k) => !seen.has(k));
    for (let i = 0; i < todo.length; i += BATCH) batches.push(todo.slice(i, i + BATCH));
    wake();
  })
    .catch((error: unknown) => {
      failure ??= error;
      return undefined;
    })
    .finally(() => {
      listingDone = true;
      wake();
    });
  try {
    summary.warnings.push(...(await fieldWarnings));
  } catch (error) {
    failure ??= error;
    await listing;
    throw error;
  }
  async function lane(): Promise<void> {
    while (failure === undefined) {
      const batch = batches[index];
      if (!batch) {
        if (listingDone) return;
        await new Promise<void>((resume) => waiting.push(resume));
        continue;
      }
      index++;
      try {
        const { items, rejected, requests } = await deps.jira.fetch(batch);
        summary.requests += requests;
        summary.fetched += items.length;
        summary.rejected += rejected.length;
        // Read after the await: `x += await y` would lose updates made by parallel lanes.
        const changedInBatch = await storePage(deps, withBoards(items, parts), attention);
        summary.changed += changedInBatch;
        await deps.cursors.markSeen(scope, batch);
        await deps.afterPage?.(scope, index - 1);
      } catch (error) {
        failure ??= error;
        wake();
      }
    }
  }
  // Lanes keep the gate busy; the gate itself enforces concurrency and requests per second.
  await Promise.all(Array.from({ length: deps.jira.parallelism }, lane));
  const listed = await listing;
  if (failure !== undefined || !listed) throw failure;
  summary.requests += listed.requests;
  if (readInFull(parts)) {
    const present = new Set(listed.keys);
    const gone = (await deps.store.teamItemKeys(team.id)).filter((key) => !present.has(key));
    await deps.store.deleteItems(gone);
    summary.deleted = gone.length;
  }
  await deps.cursors.complete(scope, startedAt);
  return summary;
}

/** Re-reads specific items (webhook deliveries); keys Jira no longer returns are removed. */
export async function refreshItems(deps: SyncDeps, keys: readonly string[]): Promise<ScopeSummary> {
  const { items, rejected, missing, requests } = await deps.jira.fetch(keys);
  const attention = newAttention();
  const changedCount = await storePage(deps, items, attention);
  await deps.store.deleteItems(missing);
  await announce(deps, attention);
  return { scope: 'refresh', mode: 'incremental', fetched: items.length, changed: changedCount, deleted: missing.length, rejected: rejected.length, requests, warnings: [] };
}
