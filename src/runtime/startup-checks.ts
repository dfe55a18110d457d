import type { Runtime } from './build-runtime.js';

/**
 * Tells the operator at start-up whether the Jira credentials work, so a wrong token shows
 * in the first log lines rather than at the first sync. Failures are warnings: Jira may just
 * be down, and work waits for it. (Slack's token is checked before start-up, see
 * verifySlackToken.)
 */
export async function reportConnectivity(rt: Runtime): Promise<{ jira?: boolean }> {
  const result: { jira?: boolean } = {};
  const checks: Promise<void>[] = [];
  if (rt.jiraProbe) {
    const probe = rt.jiraProbe;
    checks.push(
      probe().then(
        () => {
          result.jira = true;
          rt.logger.info({ site: rt.config.env.JIRA_BASE_URL }, 'Jira credentials accepted');
        },
        (error: unknown) => {
          result.jira = false;
          const status = (error as { status?: number }).status;
          const hint = status === 401 || status === 403 ? 'check JIRA_EMAIL/JIRA_API_TOKEN (Cloud) or JIRA_PAT (Data Center)' : 'Jira is unreachable; sync waits and retries';
          rt.logger.warn({ err: error, status }, `Jira did not accept GET /myself${status ? ` (HTTP ${status})` : ''}: ${hint}`);
        },
      ),
    );
  }
  await Promise.all(checks);
  return result;
}
