import type { JiraClients } from './jira-clients.js';
import { searchPages } from './search-pager.js';

/** The first page of a search's keys: `/who-owns` lists at most a screenful, never the whole site. */
export async function firstKeys(clients: JiraClients, jql: string, max = 50): Promise<string[]> {
  for await (const page of searchPages(clients, { condition: jql, fields: ['key'], pageSize: max, ordered: false })) {
    return page.issues.map((issue) => issue.key).filter((key): key is string => typeof key === 'string');
  }
  return [];
}
