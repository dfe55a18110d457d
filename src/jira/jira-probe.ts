import type { Version3Client } from 'jira.js';
import type { JiraClients } from './jira-clients.js';
import { JiraRequestError } from './jira-errors.js';

/** Resolves when Jira answers an authenticated request; rejects with the reason (and HTTP `status`) otherwise. */
export type JiraProbe = () => Promise<void>;

/**
 * A cheap authenticated call (`GET /myself`) for /readyz and the start-up check, with the
 * process's own Jira clients: the same credentials as every other call, within the site's
 * request budget.
 */
export function jiraProbe(clients: JiraClients): JiraProbe {
  return async () => {
    try {
      // v2 and v3 share GET /myself; the client picks the version.
      await clients.gate.run('myself', () => (clients.platform as Version3Client).myself.getCurrentUser());
    } catch (error) {
      if (error instanceof JiraRequestError) throw Object.assign(new Error(error.message), { status: error.failure.status });
      throw error;
    }
  };
}
