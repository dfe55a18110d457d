// The one factory of the process's adapters. One file, though long: every adapter a process
// may use is built here and nowhere else, so what a process opens reads in one place.
import { webApi } from '@slack/bolt';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../../config/schema.js';
import { RedisOutbox } from '../delivery/redis-outbox.js';
import { createDeliveryClient } from '../delivery/slack-delivery-client.js';
import { backgroundClients, createJiraClients, jiraSiteFromEnv, type SiteClients } from '../jira/jira-clients.js';
import { createJiraReader } from '../jira/jira-reader.js';
import { fetchFieldMap } from '../jira/jira-source.js';
import { PointsBudget } from '../jira/points-budget.js';
import type { RequestGateOptions } from '../jira/request-gate.js';
import { createJiraWriter } from '../jira/jira-writer.js';
import { createJiraWebhooks } from '../jira/rest-webhooks.js';
import { createJiraWebhookHandler, type WebhookDeliveryLog } from '../jira/webhook.js';
import { cachedFieldMap } from '../jira/cached-field-map.js';
import type { AcceptanceState, DecisionStore, DoctorResults, PeopleCache, DeliveryOutbox, DigestLedger, ItemStore, JiraReader, JiraWebhooks, JiraWriter, LearnedState, NudgeLedger, RegisteredWebhookStore, SeenSignatures, SyncCursors, WebhookRefresh } from '../ports.js';
import { QUEUES, type QueueName } from '../queue/queues.js';
import { RedisAcceptanceState } from '../store/redis-acceptance-state.js';
import { RedisDecisionStore } from '../store/redis-decision-store.js';
import { RedisLearnedState } from '../store/redis-learned-state.js';
import { RedisDigestLedger } from '../store/redis-digest-ledger.js';
import { RedisItemStore } from '../store/redis-item-store.js';
import { RedisNudgeLedger } from '../store/redis-nudge-ledger.js';
import { RedisDoctorResults } from '../store/redis-doctor-results.js';
import { RedisPeopleCache } from '../store/redis-people-cache.js';
import { RedisRegisteredWebhook } from '../store/redis-registered-webhook.js';
import { redisSeenSignatures } from '../store/redis-seen-signatures.js';
import { RedisSyncCursors } from '../store/redis-sync-cursors.js';
import { RedisWebhookDeliveries } from '../store/redis-webhook-deliveries.js';
import type { RequestHandler } from './http-server.js';
import { instrumentSlackClient } from './instrument-slack.js';

/** The configured Jira site: one set of clients and one request gate, shared by every caller. */
export interface JiraSite {
  /** For the Jira-facing tools (doctor, init, searches, people look-ups): calls go through the gate itself. */
  clients: SiteClients;
  /** Live look-ups: the gate's interactive share. */
  reader: JiraReader;
  /** Sync: the gate's background lane, which keeps to the points budget's background share. */
  syncReader: JiraReader;
  writer: JiraWriter;
  /** Webhooks registered through the REST API; absent without JIRA_WEBHOOK_SECRET (their delivery token derives from it). */
  webhooks?: JiraWebhooks;
}

/** POST /webhooks/jira, handing each verified delivery's refresh to `accept` once. */
export type JiraWebhookIntake = (accept: (refresh: WebhookRefresh) => Promise<void>, now: () => Date) => RequestHandler;

/** The bot's Slack clients: one for the app's own calls, one sized for the delivery pipeline. */
export interface SlackClients {
  /** Retries as configured; users.info, dnd.info, auth.test. Counted in /metrics. */
  web: webApi.WebClient;
  /** No built-in retries: the outbox decides when to retry. Counted in /metrics. */
  delivery: webApi.WebClient;
}

/** Every adapter one process uses. Built on first use, once; nothing else constructs them. */
export interface Adapters {
  items: ItemStore;
  decisions: DecisionStore;
  /** What this Jira site's decisions taught attribution, in this Slack workspace. */
  learned: LearnedState;
  outbox: DeliveryOutbox;
  nudgeLedger: NudgeLedger;
  acceptanceState: AcceptanceState;
  digestLedger: DigestLedger;
  syncCursors: SyncCursors;
  seenSignatures: SeenSignatures;
  /** Slack and Jira ids of people the team file gives by email. */
  peopleCache: PeopleCache;
  doctorResults: DoctorResults;
  /** Jira webhook deliveries already handled, so a retried delivery is handled once. */
  webhookDeliveries: WebhookDeliveryLog;
  /** Absent when JIRA_WEBHOOK_SECRET is not set: deliveries are checked against it. */
  jiraWebhookIntake?: JiraWebhookIntake;
  /** The webhook registered through Jira's REST API (JIRA_WEBHOOK_URL), and how keeping it went. */
  registeredWebhook: RegisteredWebhookStore;
  /** Absent when JIRA_BASE_URL is not set. */
  jira?: JiraSite;
  /** Absent when SLACK_BOT_TOKEN is not set. */
  slack?: SlackClients;
}

export interface AdapterOptions {
  /** The process's queue of that name (the outbox enqueues drain jobs on `notify`). */
  queue(name: QueueName): Queue;
  /** Slack Web API retries of the app's client; tests use 0. */
  slackRetries?: number;
  /** Channels drained at once: the delivery client's request queue must not hold them back. */
  deliveryConcurrency?: number;
  /** The Slack workspace the process is installed in, once auth.test said (the learned state is kept per workspace). */
  workspace?: () => string | undefined;
  /** Backoff and timeout of the Jira gate, on top of JIRA_MAX_CONCURRENCY / JIRA_MAX_RPS (tests shorten them). */
  jira?: { limits?: Partial<RequestGateOptions>; timeoutMs?: number };
}

/** The configured Jira site's clients and its one request gate; undefined without JIRA_BASE_URL. */
export function jiraClientsFromEnv(env: Config['env'], tuning: AdapterOptions['jira'] = {}): SiteClients | undefined {
  const site = jiraSiteFromEnv(env);
  if (!site) return undefined;
  const limits = { maxConcurrency: env.JIRA_MAX_CONCURRENCY, maxPerSecond: env.JIRA_MAX_RPS, ...site.limits, ...tuning.limits };
  return createJiraClients({ ...site, limits, ...(tuning.timeoutMs ? { timeoutMs: tuning.timeoutMs } : {}) });
}

/** The configured Jira site's reader for a one-off check (`config check`): no Redis, so the field map is read each time. */
export function jiraReaderFromEnv(env: Config['env'], tuning: AdapterOptions['jira'] = {}): JiraReader | undefined {
  const clients = jiraClientsFromEnv(env, tuning);
  return clients && createJiraReader(clients, () => fetchFieldMap(clients), clients.settings.baseUrl);
}

/** The app's hourly points budget (JIRA_POINTS_PER_HOUR), counted in Redis so every process of the install spends from one hour. */
function pointsBudget(config: Config, redis: Redis): Pick<RequestGateOptions, 'budget'> {
  const { JIRA_POINTS_PER_HOUR: perHour, JIRA_BASE_URL: baseUrl, REDIS_PREFIX: prefix } = config.env;
  if (!perHour || !baseUrl) return {};
  return { budget: new PointsBudget({ redis, key: `${prefix}:${new URL(baseUrl).host}`, perHour }) };
}

/** The bot's Slack clients; undefined without SLACK_BOT_TOKEN. */
export function slackClientsFromEnv(env: Config['env'], options: Pick<AdapterOptions, 'slackRetries' | 'deliveryConcurrency'> = {}): SlackClients | undefined {
  const token = env.SLACK_BOT_TOKEN;
  if (!token) return undefined;
  const apiUrl = env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {};
  return {
    web: instrumentSlackClient(new webApi.WebClient(token, { ...apiUrl, retryConfig: { retries: options.slackRetries ?? 10 }, logLevel: webApi.LogLevel.ERROR })),
    delivery: instrumentSlackClient(createDeliveryClient(token, { ...apiUrl, ...(options.deliveryConcurrency ? { maxConcurrency: options.deliveryConcurrency } : {}) })),
  };
}

/** Where item links point: the Jira site, else the team file's `site`. */
export function siteUrlOf(config: Config): string {
  return config.env.JIRA_BASE_URL ?? config.teams.site ?? '';
}

function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => {
    built ??= { value: build() };
    return built.value;
  };
}

/**
 * Builds the process's adapters from the validated configuration and its shared Redis
 * connection (`init`, which has no team file yet, uses the two client builders above). Each is made on first use and then reused, so a command that needs only the
 * item store (say `who-owns digest`) opens nothing else.
 */
export function buildAdapters(config: Config, redis: Redis, options: AdapterOptions): Adapters {
  const { env } = config;
  const prefix = env.REDIS_PREFIX;
  const teams = config.teams.teams;
  const jira = once((): JiraSite | undefined => {
    const clients = jiraClientsFromEnv(env, { ...options.jira, limits: { ...pointsBudget(config, redis), ...options.jira?.limits } });
    if (!clients) return undefined;
    // Item links point at JIRA_BASE_URL; field ids by meaning are cached in Redis for a day.
    const fieldMap = cachedFieldMap(clients, redis, prefix);
    const siteUrl = clients.settings.baseUrl;
    const webhooks = env.JIRA_WEBHOOK_SECRET ? { webhooks: createJiraWebhooks(clients, env.JIRA_WEBHOOK_SECRET) } : {};
    return { clients, reader: createJiraReader(clients, fieldMap, siteUrl), syncReader: createJiraReader(backgroundClients(clients), fieldMap, siteUrl), writer: createJiraWriter(clients), ...webhooks };
  });
  const slack = once(() => slackClientsFromEnv(env, options));
  const items = once(() => new RedisItemStore(redis, prefix, teams, siteUrlOf(config)));
  const decisions = once(() => new RedisDecisionStore(redis, prefix));
  const learned = once(() => new RedisLearnedState(redis, prefix, siteUrlOf(config), options.workspace));
  const outbox = once(() => new RedisOutbox({ redis, queue: options.queue(QUEUES.notify), prefix }));
  const nudgeLedger = once(() => new RedisNudgeLedger(redis, prefix));
  const acceptanceState = once(() => new RedisAcceptanceState(redis, prefix));
  const digestLedger = once(() => new RedisDigestLedger(redis, prefix));
  const syncCursors = once(() => new RedisSyncCursors(redis, prefix));
  const seenSignatures = once(() => redisSeenSignatures(redis, prefix));
  const peopleCache = once(() => new RedisPeopleCache(redis, prefix));
  const doctorResults = once(() => new RedisDoctorResults(redis, prefix));
  const webhookDeliveries = once(() => new RedisWebhookDeliveries(redis, prefix));
  const secret = env.JIRA_WEBHOOK_SECRET;
  const jiraWebhookIntake: JiraWebhookIntake | undefined = secret ? (accept, now) => createJiraWebhookHandler({ secret, enqueue: accept, deliveries: webhookDeliveries(), now }) : undefined;
  const registeredWebhook = once(() => new RedisRegisteredWebhook(redis, prefix));
  return {
    get items() {
      return items();
    },
    get decisions() {
      return decisions();
    },
    get learned() {
      return learned();
    },
    get outbox() {
      return outbox();
    },
    get nudgeLedger() {
      return nudgeLedger();
    },
    get acceptanceState() {
      return acceptanceState();
    },
    get digestLedger() {
      return digestLedger();
    },
    get syncCursors() {
      return syncCursors();
    },
    get seenSignatures() {
      return seenSignatures();
    },
    get peopleCache() {
      return peopleCache();
    },
    get doctorResults() {
      return doctorResults();
    },
    get webhookDeliveries() {
      return webhookDeliveries();
    },
    ...(jiraWebhookIntake ? { jiraWebhookIntake } : {}),
    get registeredWebhook() {
      return registeredWebhook();
    },
    get jira() {
      return jira();
    },
    get slack() {
      return slack();
    },
  };
}
