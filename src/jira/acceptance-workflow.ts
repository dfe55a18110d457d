import type { Version3Client } from 'jira.js';
import { firstKeys } from './first-keys.js';
import type { JiraClients } from './jira-clients.js';
import { jqlString } from './jql.js';

/** The transitions Jira offers on an item of the project waiting in one of these statuses. */
export interface WaitingItemTransitions {
  key: string;
  status: string;
  offered: string[];
}

/**
 * Workflows are read through an item, as the bot would act on it: listing a workflow's
 * transitions directly needs Jira admin rights. Undefined when no item waits in these statuses.
 */
export async function transitionsOfWaitingItem(clients: JiraClients, project: string, statuses: readonly string[]): Promise<WaitingItemTransitions | undefined> {
  for (const status of statuses) {
    const [key] = await firstKeys(clients, `project = ${jqlString(project)} AND status = ${jqlString(status)}`, 1);
    if (!key) continue;
    // v2 and v3 answer the same shape.
    const answer = (await clients.gate.run('transitions', () => (clients.platform as Version3Client).issues.getTransitions({ issueIdOrKey: key }))) as { transitions?: { name?: string }[] };
    return { key, status, offered: (answer.transitions ?? []).map((t) => t.name ?? '').filter(Boolean) };
  }
  return undefined;
}
