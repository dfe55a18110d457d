import type { Verdict } from '../domain/verdict.js';
import type { WorkItem } from '../domain/work-item.js';
import { type LiveReadDeps, readLive } from '../sync/read-live.js';

/**
 * One live Jira read when `/who-owns KEY` misses the store (an item created since the last
 * sync, say). A claimed item is stored with its verdict, so the next question is a store hit.
 */
export function createLiveLookup(deps: LiveReadDeps) {
  return async function fetchLive(key: string): Promise<{ item: WorkItem; verdict: Verdict } | null> {
    const found = await readLive(deps, key);
    if (found?.verdict.teamId) {
      await deps.items.putItems([found.item]);
      await deps.items.putVerdicts([found.verdict]);
    }
    return found;
  };
}
