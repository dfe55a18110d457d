import type { BoardFilter } from '../ports.js';
import type { JiraClients } from './jira-clients.js';
import { type JiraFailure, JiraRequestError } from './jira-errors.js';

/** Board → saved-filter id; boards rarely change filter, so an hour of caching saves a call per sync. */
const CACHE_MS = 60 * 60_000;
const cache = new Map<string, { filterId: string; at: number }>();

export interface BoardFilters {
  filters: BoardFilter[];
  /** Boards whose configuration could not be read, with the reason; the rest of the scope syncs. */
  unreadable: { boardId: number; reason: string }[];
}

/** Why a board cannot be read, or undefined when the failure is the site's (outage, credentials) and should stop the sync. */
function reasonOf(failure: JiraFailure): string | undefined {
  if (failure.status === 403) return 'the bot may not see this board (403): share the board and its filter with the bot account';
  if (failure.kind === 'not-found') return 'no such board, or the bot may not see it (404)';
  if (failure.kind === 'rejected') return `configuration refused (${failure.status}): ${failure.message}`;
  return undefined;
}

/**
 * The saved filter behind each board (`GET /rest/agile/1.0/board/{id}/configuration`), so a
 * team that names boards gets exactly the board's items through `filter in (…)` in the same
 * search that reads the items. Rank and sprints come with each item, so the board itself is
 * never paged. A board that cannot be read is reported, not fatal.
 */
export async function boardFilters(clients: JiraClients, boardIds: readonly number[], now = Date.now()): Promise<BoardFilters> {
  const result: BoardFilters = { filters: [], unreadable: [] };
  for (const boardId of boardIds) {
    const cacheKey = `${clients.settings.baseUrl}#${boardId}`;
    const hit = cache.get(cacheKey);
    if (hit && now - hit.at < CACHE_MS) {
      result.filters.push({ boardId, filterId: hit.filterId });
      continue;
    }
    let filterId: string;
    try {
      const config = await clients.gate.run(`board ${boardId} configuration`, () => clients.agile.board.getConfiguration({ boardId }));
      filterId = String(config.filter?.id ?? '');
    } catch (error) {
      const reason = error instanceof JiraRequestError ? reasonOf(error.failure) : undefined;
      if (!reason) throw error;
      result.unreadable.push({ boardId, reason });
      continue;
    }
    // Only digits reach JQL: a filter id is a number.
    if (!/^\d+$/.test(filterId)) {
      result.unreadable.push({ boardId, reason: 'the board has no saved filter the bot can read' });
      continue;
    }
    cache.set(cacheKey, { filterId, at: now });
    result.filters.push({ boardId, filterId });
  }
  return result;
}
