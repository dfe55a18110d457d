import type { webApi } from '@slack/bolt';
import type { Redis } from 'ioredis';
import type { Config } from '../../config/schema.js';
import type { JiraClients } from '../jira/jira-clients.js';
import type { RegisteredWebhookStore } from '../ports.js';
import { type DoctorCheck, fail } from './doctor-check.js';
import { checkAcceptanceTransitions, checkBrowsePermission, checkCustomFields } from './jira-checks.js';
import { checkJiraWebhook, checkRegisteredWebhook, checkRedisPersistence } from './runtime-checks.js';
import { checkChannelMembership, checkSlackScopes } from './slack-checks.js';

export interface DoctorDeps {
  redis: Redis;
  registeredWebhook: RegisteredWebhookStore;
  /** Absent when SLACK_BOT_TOKEN is not set. */
  slack?: webApi.WebClient;
  /** Absent when JIRA_BASE_URL is not set. */
  jira?: JiraClients;
  manifestScopes: readonly string[];
  now: Date;
}

/** Every check, in the order a first install meets them: Slack, Jira, then the running side. */
export async function runDoctor(config: Config, deps: DoctorDeps): Promise<DoctorCheck[]> {
  const teams = config.teams.teams;
  const checks: DoctorCheck[] = [];
  if (deps.slack) {
    checks.push(...(await checkSlackScopes(deps.slack, deps.manifestScopes)));
    const channels = teams.filter((t) => t.channel).map((t) => ({ channel: t.channel as string, team: t.id }));
    checks.push(...(await checkChannelMembership(deps.slack, channels)));
  } else checks.push(fail('Slack', 'SLACK_BOT_TOKEN is not set', 'create the Slack app from manifest.yaml (docs/slack-setup.md) and set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET'));
  if (deps.jira) {
    const projects = [...new Set(teams.flatMap((t) => t.jira.projects))];
    checks.push(...(await checkBrowsePermission(deps.jira, projects)));
    checks.push(...(await checkAcceptanceTransitions(deps.jira, teams)));
    checks.push(...(await checkCustomFields(deps.jira)));
  } else checks.push(fail('Jira', 'JIRA_BASE_URL is not set', 'set JIRA_BASE_URL and the Jira credentials (README, Connecting Slack and Jira)'));
  checks.push(...(await checkJiraWebhook(deps.redis, config.env.REDIS_PREFIX, config.env.JIRA_WEBHOOK_SECRET, deps.now)));
  if (config.env.JIRA_WEBHOOK_URL) checks.push(...(await checkRegisteredWebhook(deps.registeredWebhook, deps.now)));
  checks.push(...(await checkRedisPersistence(deps.redis)));
  return checks;
}
