import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { AgileClient, Version2Client, Version3Client } from 'jira.js';
import { jiraMetricsMiddlewares, metrics } from '../metrics.js';
import { type JiraGate, RequestGate, type RequestGateOptions } from './request-gate.js';

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
  /** Jira Cloud's hourly points quota for this app (JIRA_POINTS_PER_HOUR); unset: not metered. */
  pointsPerHour?: number;
}

export interface JiraClients {
  settings: JiraSiteSettings;
  /** REST platform API: v3 on Cloud, v2 on Data Center (same method names for what we use). */
  platform: Version3Client | Version2Client;
  agile: AgileClient;
  /** Every call to this site goes through it (or through its background lane). */
  gate: JiraGate;
}

/** The clients of a site as built: the gate itself, which hands out its background lane. */
export interface SiteClients extends JiraClients {
  gate: RequestGate;
}

/** The same clients for background work (sync): calls also keep to the points budget's background share. */
export function backgroundClients(clients: SiteClients): JiraClients {
  return { ...clients, gate: clients.gate.background() };
}

export function createJiraClients(settings: JiraSiteSettings): SiteClients {
  const config = {
    host: settings.baseUrl.replace(/\/$/, ''),
    // Every Jira call is counted by outcome (ok, 429, 5xx…) in /metrics.
    middlewares: jiraMetricsMiddlewares(),
    ...(settings.basic && !settings.bearer ? { authentication: { basic: settings.basic } } : {}),
    baseRequestConfig: {
      timeout: settings.timeoutMs ?? 30_000,
      // Kept-alive connections: no TCP/TLS handshake per call, so a request leaves when the gate lets it.
      httpAgent: new HttpAgent({ keepAlive: true }),
      httpsAgent: new HttpsAgent({ keepAlive: true }),
      ...(settings.bearer ? { headers: { Authorization: `Bearer ${settings.bearer}` } } : {}),
    },
  };
  return {
    settings,
    platform: settings.deployment === 'datacenter' ? new Version2Client(config) : new Version3Client(config),
    agile: new AgileClient(config),
    gate: new RequestGate({
      ...(settings.limits ?? { maxConcurrency: 4, maxPerSecond: 10 }),
      onPoints: (points, lane) => metrics.jiraPoints.inc({ lane }, points),
    }),
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
  JIRA_POINTS_PER_HOUR?: number | undefined;
}): JiraSiteSettings | undefined {
  if (!env.JIRA_BASE_URL) return undefined;
  const bearer = env.JIRA_PAT ?? env.JIRA_OAUTH_TOKEN;
  return {
    baseUrl: env.JIRA_BASE_URL,
    deployment: env.JIRA_DEPLOYMENT,
    limits: { maxConcurrency: env.JIRA_MAX_CONCURRENCY, maxPerSecond: env.JIRA_MAX_RPS },
    ...(env.JIRA_POINTS_PER_HOUR ? { pointsPerHour: env.JIRA_POINTS_PER_HOUR } : {}),
    ...(bearer ? { bearer } : {}),
    ...(env.JIRA_EMAIL && env.JIRA_API_TOKEN ? { basic: { email: env.JIRA_EMAIL, apiToken: env.JIRA_API_TOKEN } } : {}),
  };
}
