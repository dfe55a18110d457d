import type { SlackListeners } from '../slack/create-slack-app.js';
import { createSlackApp } from '../slack/create-slack-app.js';
import type { Runtime } from './build-runtime.js';
import type { RequestHandler } from './http-server.js';

/**
 * The Slack app for `/slack/events` with every feature's listeners, or undefined when Slack
 * is not configured. In Socket Mode Slack connects out and nothing is mounted.
 */
export async function buildSlackHandler(rt: Runtime, listeners: readonly SlackListeners[]): Promise<{ handler: RequestHandler; stop(): Promise<void> } | undefined> {
  const { env } = rt.config;
  if (!env.SLACK_BOT_TOKEN || !env.SLACK_SIGNING_SECRET) return undefined;
  const slack = createSlackApp({
    signingSecret: env.SLACK_SIGNING_SECRET,
    botToken: env.SLACK_BOT_TOKEN,
    identity: rt.identity,
    ...(env.SLACK_APP_TOKEN ? { appToken: env.SLACK_APP_TOKEN } : {}),
    ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
    ...(rt.slackRetries !== undefined ? { slackRetries: rt.slackRetries } : {}),
    seen: rt.adapters.seenSignatures,
    listeners,
    logger: rt.logger.child({ component: 'slack' }),
  });
  await slack.start();
  return { handler: env.SLACK_APP_TOKEN ? (_req, res) => void res.writeHead(404).end() : (req, res) => slack.handler(req, res), stop: () => slack.stop() };
}
