import type { JiraClients } from './jira-clients.js';
import { searchPages } from './search-pager.js';

/**
 * Every issue key matching a JQL condition, cheaply: Cloud's search/jql returns up to 5,000
 * issues a page when only ids are asked for. Listing first lets a full sync fetch the items
 * themselves in parallel batches instead of paging serially through full pages.
 */
export async function listKeys(clients: JiraClients, condition: string, onPage?: (keys: string[]) => void): Promise<{ keys: string[]; requests: number }> {
  const keys: string[] = [];
  let requests = 0;
  for await (const page of searchPages(clients, { condition, fields: ['id', 'key'], pageSize: 5000 })) {
    requests++;
    const pageKeys = page.issues.map((issue) => issue.key).filter((key): key is string => typeof key === 'string');
    keys.push(...pageKeys);
    // Callers start fetching a page's items while the next page of keys is listed.
    onPage?.(pageKeys);
  }
  return { keys, requests };
}
