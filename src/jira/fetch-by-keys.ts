import { Version2Client, type Version3Client } from 'jira.js';
import { DECISION_PROPERTY } from './jira-source.js';
import type { JiraClients } from './jira-clients.js';
import type { RawIssue } from './search-pager.js';

/**
 * Reads known issues by key. Cloud: `POST /rest/api/3/issue/bulkfetch` (100 a call; missing
 * or hidden issues come back in `issueErrors`, not as a failed query as `key in (…)` would).
 * Data Center: one `GET /issue/{key}` each, 404 meaning gone.
 */
export async function fetchIssuesByKeys(clients: JiraClients, keys: readonly string[], fields: string[]): Promise<{ issues: RawIssue[]; missing: string[]; requests: number }> {
  const issues: RawIssue[] = [];
  let requests = 0;
  if (clients.platform instanceof Version2Client) {
    const dc = clients.platform;
    for (const key of keys) {
      requests++;
      try {
        issues.push((await clients.gate.run('issue', () => dc.issues.getIssue({ issueIdOrKey: key, fields, properties: [DECISION_PROPERTY] }))) as unknown as RawIssue);
      } catch (error) {
        if ((error as { failure?: { kind?: string } }).failure?.kind !== 'not-found') throw error;
      }
    }
  } else {
    const cloud = clients.platform as Version3Client;
    for (let i = 0; i < keys.length; i += 100) {
      const batch = keys.slice(i, i + 100);
      requests++;
      const page = await clients.gate.run('bulkfetch', () => cloud.issues.bulkFetchIssues({ issueIdsOrKeys: batch, fields, properties: [DECISION_PROPERTY] }));
      issues.push(...((page.issues ?? []) as unknown as RawIssue[]));
    }
  }
  const found = new Set(issues.map((i) => String(i.key)));
  return { issues, missing: keys.filter((k) => !found.has(k)), requests };
}
