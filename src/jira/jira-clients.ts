import { AgileClient, Version2Client, Version3Client } from 'jira.js';
import { jiraMetricsMiddlewares } from '../metrics.js';
import { RequestGate, type RequestGateOptions } from './request-gate.js';

/** How who-owns reaches one Jira site; built from the environment by the entry point. */
export interface JiraSiteSettings {
  baseUrl: string;
  deployment: 'cloud' | 'datacenter';
  /** Cloud basic auth (email + API token). */
  basic?: { email: string; apiToken: string };
  /** Data Center personal access token or OAuth 2.0 access token, sent as a bearer token. */
  bearer?: string;
  timeoutMs?: number;
  /** Concurrency, rate and retry limits for this site (JIRA_MAX_CONCURRENCY, JIRA_MAX_RPS). */
  limits?: RequestGateOptions;
}

export interface JiraClients {
  settings: JiraSiteSettings;
  /** REST platform API: v3 on Cloud, v2 on Data Center (same method names for what we use). */
  platform: Version3Client | Version2Client;
  agile: AgileClient;
  /** Every call to this site goes through it. */
  gate: RequestGate;
}

export function createJiraClients(settings: JiraSiteSettings): JiraClients {
  const config = {
    host: settings.baseUrl.replace(/\/$/, ''),
    // Every Jira call is counted by outcome (ok, 429, 5xx…) in /metrics.
    middlewares: jiraMetricsMiddlewares(),
    ...(settings.basic && !settings.bearer ? { authentication: { basic: settings.basic } } : {}),
    baseRequestConfig: {
      timeout: settings.timeoutMs ?? 30_000,
      ...(settings.bearer ? { headers: { Authorization: `Bearer ${settings.bearer}` } } : {}),
    },
  };
  return {
    settings,
    platform: settings.deployment === 'datacenter' ? new Version2Client(config) : new Version3Client(config),
    agile: new AgileClient(config),
    gate: new RequestGate(settings.limits ?? { maxConcurrency: 4, maxPerSecond: 10 }),
  };
}

/** Settings from validated environment values; undefined when no site is configured. */
export function jiraSiteFromEnv(env: {
  JIRA_MAX_CONCURRENCY: number;
  JIRA_MAX_RPS: number;
  JIRA_BASE_URL?: string | undefined;
  JIRA_DEPLOYMENT: 'cloud' | 'datacenter';
  JIRA_EMAIL?: string | undefined;
  JIRA_API_TOKEN?: string | undefined;
  JIRA_PAT?: string | undefined;
  JIRA_OAUTH_TOKEN?: string | undefined;
}): JiraSiteSettings | undefined {
  if (!env.JIRA_BASE_URL) return undefined;
  const bearer = env.JIRA_PAT ?? env.JIRA_OAUTH_TOKEN;
  return {
    baseUrl: env.JIRA_BASE_URL,
    deployment: env.JIRA_DEPLOYMENT,
    limits: { maxConcurrency: env.JIRA_MAX_CONCURRENCY, maxPerSecond: env.JIRA_MAX_RPS },
    ...(bearer ? { bearer } : {}),
    ...(env.JIRA_EMAIL && env.JIRA_API_TOKEN ? { basic: { email: env.JIRA_EMAIL, apiToken: env.JIRA_API_TOKEN } } : {}),
  };
}
