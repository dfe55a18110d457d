import { webApi } from '@slack/bolt';
import type { Config } from '../../config/schema.js';

/** A Web API client for a one-shot command: one retry, so an outage ends the command instead of stalling it. */
export function cliSlackClient(env: Config['env']): webApi.WebClient | undefined {
  if (!env.SLACK_BOT_TOKEN) return undefined;
  return new webApi.WebClient(env.SLACK_BOT_TOKEN, { ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}), retryConfig: { retries: 1 }, logLevel: webApi.LogLevel.ERROR });
}
