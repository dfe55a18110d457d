import type { Runtime } from './build-runtime.js';

/**
 * Tells the operator at start-up whether the Slack token and the Jira credentials work,
 * so a wrong token shows in the first log lines rather than at the first digest.
 * Failures are warnings: Slack or Jira may just be down, and work waits for them.
 */
export async function reportConnectivity(rt: Runtime): Promise<{ slack?: boolean; jira?: boolean }> {
  const result: { slack?: boolean; jira?: boolean } = {};
  const checks: Promise<void>[] = [];
  if (rt.slack) {
    const slack = rt.slack;
    checks.push(
      slack.auth.test().then(
        (auth) => {
          result.slack = true;
          rt.logger.info({ team: auth.team, botUser: auth.user }, 'Slack token accepted');
        },
        (error: unknown) => {
          result.slack = false;
          const code = (error as { data?: { error?: string } }).data?.error;
          rt.logger.warn({ err: error, slackError: code }, `Slack rejected the bot token or is unreachable${code ? ` (${code})` : ''}: check SLACK_BOT_TOKEN`);
        },
      ),
    );
  }
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
