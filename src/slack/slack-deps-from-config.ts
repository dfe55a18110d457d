import type { Redis } from 'ioredis';
import type { Config } from '../../config/schema.js';
import { createJiraClients, jiraSiteFromEnv } from '../jira/jira-clients.js';
import { createJiraWriter } from '../jira/jira-writer.js';
import type { JiraClients } from '../jira/jira-clients.js';
import { searchPages } from '../jira/search-pager.js';
import { RedisDecisionStore } from '../store/redis-decision-store.js';
import { RedisItemStore } from '../store/redis-item-store.js';
import { createLiveLookup } from './live-lookup.js';
import { redisSeenSignatures } from './lookups.js';
import type { SlackAppDeps } from './slack-app-deps.js';

/** The first page of a search's keys: `/who-owns` lists at most a screenful, never the whole site. */
export async function firstKeys(clients: JiraClients, jql: string, max = 50): Promise<string[]> {
  for await (const page of searchPages(clients, { condition: jql, fields: ['key'], pageSize: max, ordered: false })) {
    return page.issues.map((issue) => issue.key).filter((key): key is string => typeof key === 'string');
  }
  return [];
}

/**
 * SlackAppDeps from the validated configuration and the process's Redis connection, for
 * `who-owns serve`. Undefined when Slack is not configured (no bot token or signing secret).
 * `extra` adds what other features bring (onDecision, features, fetchLive, logger, clocks).
 */
export function slackDepsFromConfig(config: Config, redis: Redis, extra: Partial<SlackAppDeps> = {}): SlackAppDeps | undefined {
  const { env } = config;
  if (!env.SLACK_BOT_TOKEN || !env.SLACK_SIGNING_SECRET) return undefined;
  const prefix = env.REDIS_PREFIX;
  const teams = config.teams.teams;
  const site = jiraSiteFromEnv(env);
  const clients = site ? createJiraClients(site) : undefined;
  const store = new RedisItemStore(redis, prefix, teams, site?.baseUrl ?? '');
  const decisions = new RedisDecisionStore(redis, prefix);
  return {
    signingSecret: env.SLACK_SIGNING_SECRET,
    botToken: env.SLACK_BOT_TOKEN,
    ...(env.SLACK_APP_TOKEN ? { appToken: env.SLACK_APP_TOKEN } : {}),
    ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
    seen: redisSeenSignatures(redis, prefix),
    store,
    decisions,
    teams,
    ...(clients && site
      ? {
          jira: createJiraWriter(clients),
          searchJira: (jql: string) => firstKeys(clients, jql),
          fetchLive: createLiveLookup({ clients, store, decisions, teams, siteUrl: site.baseUrl }),
        }
      : {}),
    ...extra,
  };
}
