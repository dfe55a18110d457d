import type { Version3Client } from 'jira.js';
import type { StatusChange } from '../domain/acceptance/acceptance-queue.js';
import type { JiraClients } from './jira-clients.js';

interface ChangeItem {
  field?: string;
  fieldId?: string;
  toString?: string | null;
}
interface ChangeHistory {
  created?: string;
  items?: ChangeItem[];
}
interface IssueChangeLog {
  issueId?: string;
  changeHistories?: ChangeHistory[];
}

/** Status changes per issue id from a `changelog/bulkfetch` page. */
export function statusChangesFromChangelogs(logs: readonly IssueChangeLog[]): Map<string, StatusChange[]> {
  const result = new Map<string, StatusChange[]>();
  for (const log of logs) {
    if (!log.issueId) continue;
    const changes: StatusChange[] = [];
    for (const history of log.changeHistories ?? []) {
      for (const item of history.items ?? []) {
        if ((item.fieldId ?? item.field) === 'status' && history.created && item.toString) changes.push({ at: history.created, to: item.toString });
      }
    }
    result.set(log.issueId, changes);
  }
  return result;
}

/**
 * Status changes for issues, keyed by issue key. Uses `POST /rest/api/3/changelog/bulkfetch`
 * (100 issues a call, paged): `expand=changelog` on search stops at 40 entries.
 */
export async function fetchStatusChanges(clients: JiraClients, issues: readonly { id: string; key: string }[]): Promise<Map<string, StatusChange[]>> {
  const byKey = new Map<string, StatusChange[]>();
  const idToKey = new Map(issues.map((i) => [i.id, i.key]));
  const cloud = clients.platform as Version3Client;
  for (let i = 0; i < issues.length; i += 100) {
    const batch = issues.slice(i, i + 100).map((issue) => issue.key);
    let nextPageToken: string | undefined;
    do {
      const token = nextPageToken;
      const page = await clients.gate.run('changelog', () => cloud.issues.getBulkChangelogs({ issueIdsOrKeys: batch, fieldIds: ['status'], ...(token ? { nextPageToken: token } : {}) }));
      for (const [id, changes] of statusChangesFromChangelogs((page.issueChangeLogs ?? []) as IssueChangeLog[])) {
        const key = idToKey.get(id);
        if (key) byKey.set(key, [...(byKey.get(key) ?? []), ...changes]);
      }
      nextPageToken = page.nextPageToken ?? undefined;
    } while (nextPageToken);
  }
  return byKey;
}
