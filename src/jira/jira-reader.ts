import { Version3Client } from 'jira.js';
import type { JiraReader } from '../ports.js';
import { boardFilters } from './board-filters.js';
import { fetchStatusChanges } from './changelog.js';
import { fetchIssuesByKeys } from './fetch-by-keys.js';
import type { FieldMap } from './field-map.js';
import { missingFieldWarnings } from './field-warnings.js';
import type { JiraClients } from './jira-clients.js';
import { DECISION_PROPERTY, normalisePage, requestedFields, scopeCondition } from './jira-source.js';
import { jqlDateTime } from './jql.js';
import { listKeys } from './list-keys.js';
import { refusedValues } from './refused-values.js';
import { searchPages } from './search-pager.js';

/**
 * The Jira site as sync and live look-ups read it: JQL queries, Cloud's bulk endpoints where
 * they exist, and every raw issue normalised with the site's field map and links to `siteUrl`.
 */
export function createJiraReader(clients: JiraClients, fieldMap: () => Promise<FieldMap>, siteUrl: string): JiraReader {
  const cloud = clients.platform instanceof Version3Client;
  return {
    parallelism: clients.gate.maxConcurrency,
    // Listing keys first costs a point per item again; on a points budget, one search pass is cheaper.
    listsKeysFirst: cloud && !clients.settings.pointsPerHour,
    usage: () => ({ requests: clients.gate.stats.requests, points: clients.gate.stats.points }),
    boardFilters: (boardIds) => boardFilters(clients, boardIds),
    query(selection, updatedSince) {
      const condition = scopeCondition(selection);
      return updatedSince ? `(${condition}) AND updated >= ${jqlDateTime(updatedSince)}` : condition;
    },
    refused: refusedValues,
    async *pages(query, options = {}) {
      const map = await fieldMap();
      const request = { condition: query, fields: requestedFields(map), properties: [DECISION_PROPERTY], ...options };
      for await (const page of searchPages(clients, request)) yield { ...normalisePage(page.issues, map, siteUrl), ...(page.next ? { next: page.next } : {}) };
    },
    async check(query) {
      for await (const _page of searchPages(clients, { condition: query, fields: ['id'], pageSize: 1, ordered: false })) return;
    },
    listKeys: (query, onPage) => listKeys(clients, query, onPage),
    async fetch(keys) {
      const map = await fieldMap();
      const { issues, missing, requests } = await fetchIssuesByKeys(clients, keys, requestedFields(map));
      return { ...normalisePage(issues, map, siteUrl), missing, requests };
    },
    // Only Cloud has the changelog bulkfetch; elsewhere the search's category date stays.
    statusChanges: async (items) => (cloud && items.length ? fetchStatusChanges(clients, items) : new Map()),
    fieldWarnings: async () => missingFieldWarnings(await fieldMap()),
  };
}
