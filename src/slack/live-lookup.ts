import { attributeItem } from '../domain/attribution/attribute-item.js';
import type { TeamProfile } from '../domain/team.js';
import type { Verdict } from '../domain/verdict.js';
import type { WorkItem } from '../domain/work-item.js';
import { fetchIssuesByKeys } from '../jira/fetch-by-keys.js';
import type { FieldMap } from '../jira/field-map.js';
import type { JiraClients } from '../jira/jira-clients.js';
import { fetchFieldMap, normalisePage, requestedFields } from '../jira/jira-source.js';
import type { DecisionStore, ItemStore } from '../ports.js';

/**
 * One live Jira read when `/who-owns KEY` misses the store (an item created since the last
 * sync, say). A claimed item is stored with its verdict, so the next question is a store hit.
 * Returns null when Jira does not have the item or the bot's account cannot see it.
 */
export function createLiveLookup(deps: { clients: JiraClients; store: ItemStore; decisions: DecisionStore; teams: readonly TeamProfile[]; siteUrl: string }) {
  let fieldMap: Promise<FieldMap> | undefined;
  return async function fetchLive(key: string): Promise<{ item: WorkItem; verdict: Verdict } | null> {
    fieldMap ??= fetchFieldMap(deps.clients).catch((error: unknown) => {
      fieldMap = undefined;
      throw error;
    });
    const map = await fieldMap;
    const { issues } = await fetchIssuesByKeys(deps.clients, [key], requestedFields(map));
    const item = normalisePage(issues, map, deps.siteUrl).items[0];
    if (!item) return null;
    const decision = await deps.decisions.latest(item.key);
    const verdict = attributeItem(item, { teams: deps.teams, decision });
    if (verdict.teamId) {
      await deps.store.putItems([item]);
      await deps.store.putVerdicts([verdict]);
    }
    return { item, verdict };
  };
}
