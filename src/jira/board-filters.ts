import type { JiraClients } from './jira-clients.js';

/** Board → saved-filter id; boards rarely change filter, so an hour of caching saves a call per sync. */
const CACHE_MS = 60 * 60_000;
const cache = new Map<string, { filterId: string; at: number }>();

/**
 * The saved filter behind each board (`GET /rest/agile/1.0/board/{id}/configuration`), so a
 * team that names boards gets exactly the board's items through `filter in (…)` in JQL.
 */
export async function boardFilterIds(clients: JiraClients, boardIds: readonly number[], now = Date.now()): Promise<string[]> {
  const ids: string[] = [];
  for (const boardId of boardIds) {
    const cacheKey = `${clients.settings.baseUrl}#${boardId}`;
    const hit = cache.get(cacheKey);
    if (hit && now - hit.at < CACHE_MS) {
      ids.push(hit.filterId);
      continue;
    }
    const config = await clients.gate.run(`board ${boardId} configuration`, () => clients.agile.board.getConfiguration({ boardId }));
    const filterId = String(config.filter?.id ?? '');
    // Only digits reach JQL: a filter id is a number.
    if (!/^\d+$/.test(filterId)) throw new Error(`board ${boardId} has no saved filter that who-owns can read`);
    cache.set(cacheKey, { filterId, at: now });
    ids.push(filterId);
  }
  return ids;
}
