import { Version2Client, Version3Client } from 'jira.js';
import type { Env } from '../../config/schema.js';
import { jiraMetricsMiddlewares, recordJiraCall } from '../metrics.js';

/** Resolves when Jira answers an authenticated request; rejects with the reason otherwise. */
export type JiraProbe = () => Promise<void>;

/**
 * A cheap authenticated call (`GET /myself`) for /readyz, or undefined when Jira is not
 * configured. Cloud uses the v3 API, Data Center v2 with a personal access token.
 */
export function buildJiraProbe(env: Env): JiraProbe | undefined {
  if (!env.JIRA_BASE_URL) return undefined;
  const host = env.JIRA_BASE_URL;
  const bearer = env.JIRA_PAT ?? env.JIRA_OAUTH_TOKEN;
  const common = {
    host,
    middlewares: jiraMetricsMiddlewares(),
    baseRequestConfig: { timeout: 5000, ...(bearer ? { headers: { Authorization: `Bearer ${bearer}` } } : {}) },
  };
  const basic = env.JIRA_EMAIL && env.JIRA_API_TOKEN && !bearer ? { basic: { email: env.JIRA_EMAIL, apiToken: env.JIRA_API_TOKEN } } : undefined;
  const config = { ...common, ...(basic ? { authentication: basic } : {}) };
  const getCurrentUser =
    env.JIRA_DEPLOYMENT === 'datacenter'
      ? () => new Version2Client(config).myself.getCurrentUser()
      : () => new Version3Client(config).myself.getCurrentUser();
  return async () => {
    await getCurrentUser();
    recordJiraCall('myself', 'ok');
  };
}
