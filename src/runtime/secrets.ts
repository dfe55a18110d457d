import type { Env } from '../../config/schema.js';

/**
 * Every secret value the process knows, in the forms it could appear in a log line: the raw
 * values, and the Basic-auth header value jira.js builds from e-mail and API token.
 * The logger scrubs all of them from every record.
 */
export function secretValues(env: Env): string[] {
  const raw = [env.SLACK_BOT_TOKEN, env.SLACK_SIGNING_SECRET, env.SLACK_APP_TOKEN, env.JIRA_API_TOKEN, env.JIRA_PAT, env.JIRA_OAUTH_TOKEN, env.JIRA_WEBHOOK_SECRET];
  const secrets = raw.filter((s): s is string => typeof s === 'string' && s.length > 0);
  if (env.JIRA_EMAIL && env.JIRA_API_TOKEN) {
    secrets.push(Buffer.from(`${env.JIRA_EMAIL}:${env.JIRA_API_TOKEN}`).toString('base64'));
  }
  const password = redisPassword(env.REDIS_URL);
  if (password) secrets.push(password);
  return secrets;
}

function redisPassword(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.password ? decodeURIComponent(parsed.password) : undefined;
  } catch {
    return undefined;
  }
}
