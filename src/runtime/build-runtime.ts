import { Queue } from 'bullmq';
import type { Redis, RedisOptions } from 'ioredis';
import type { Config } from '../../config/schema.js';
import { createLogger, type Logger } from '../logger.js';
import { collectProcessMetrics, watchQueues } from '../metrics.js';
import { type Clock, systemClock } from '../ports.js';
import { QUEUES, type QueueName } from '../queue/queues.js';
import { createRedis } from '../store/connection.js';
import type { BotIdentity } from '../slack/bot-identity.js';
import { type Adapters, buildAdapters } from './adapters.js';
import { jiraProbe, type JiraProbe } from '../jira/jira-probe.js';
import { createProcessEvents, type ProcessEventBus } from './process-events.js';
import { secretValues } from './secrets.js';

/**
 * Channels drained at once by one `work` process. A drain sleeps between paced posts while
 * holding its slot, so slots are cheap and a burst across many team channels should not queue.
 */
export const NOTIFY_CONCURRENCY = 200;

export interface RuntimeOptions {
  /** Logger to use instead of one built from LOG_LEVEL (tests pass a captured one). */
  logger?: Logger;
  /** Where log lines go when the runtime builds its logger (default stdout). */
  logDestination?: NodeJS.WritableStream;
  clock?: Clock;
  /** Slack Web API retries; tests use 0. */
  slackRetries?: number;
  /** Replaces the Jira reachability probe (tests). */
  jiraProbe?: JiraProbe;
  /** How the connections give up when Redis does not answer (one-shot commands: after a few retries, not never). */
  redis?: RedisOptions;
}

/**
 * Everything built once per process: the logger, Redis connections, queues, the adapters
 * (stores, outbox, Jira and Slack clients) and the event bus features react through. Feature
 * code receives these; it never builds its own clients or reads the environment. `close()`
 * releases queues first and Redis last.
 */
export interface Runtime {
  config: Config;
  logger: Logger;
  clock: Clock;
  /** BullMQ key prefix (REDIS_PREFIX); `{braces}` keep a queue in one Redis Cluster slot. */
  prefix: string;
  /** Shared connection for commands (stores, queues). Do not use for blocking calls. */
  redis: Redis;
  /** A new tracked connection (e.g. one per BullMQ Worker); closed by `close()`. */
  connection(name: string): Redis;
  /** The queue with this name, created once, on the shared connection. */
  queue(name: QueueName): Queue;
  adapters: Adapters;
  events: ProcessEventBus;
  /** The bot's ids and workspace, filled by the start-up auth.test. */
  identity: BotIdentity;
  /** Slack Web API retries of the listeners' client (tests: 0). */
  slackRetries?: number;
  jiraProbe?: JiraProbe;
  close(): Promise<void>;
  /** Drops every Redis connection at once, for a start-up that failed: nothing is in flight, and Redis may not answer a QUIT. */
  abort(): void;
}

export function buildRuntime(config: Config, options: RuntimeOptions = {}): Runtime {
  const { env } = config;
  const logger =
    options.logger ??
    createLogger({ level: env.LOG_LEVEL, secrets: secretValues(env), destination: options.logDestination });
  const connections: Redis[] = [];
  const queues = new Map<QueueName, Queue>();
  /** Connections in an outage, already logged once. */
  const down = new Set<Redis>();

  function connection(name: string): Redis {
    const redis = createRedis(env.REDIS_URL, { connectionName: `who-owns:${name}`, ...options.redis });
    // ioredis reconnects on its own; log once per outage instead of an error per retry.
    redis.on('error', (error: Error) => {
      if (!down.has(redis)) logger.warn({ connection: name, err: error.message }, 'Redis connection lost; reconnecting');
      down.add(redis);
    });
    redis.on('ready', () => {
      if (down.delete(redis)) logger.info({ connection: name }, 'Redis connection restored');
    });
    connections.push(redis);
    return redis;
  }

  const redis = connection('shared');

  function queue(name: QueueName): Queue {
    let existing = queues.get(name);
    if (!existing) {
      existing = new Queue(name, { connection: redis, prefix: env.REDIS_PREFIX });
      // The shared connection's outage is logged once, above, not again by every queue on it.
      existing.on('error', (error) => {
        if (!down.has(redis)) logger.warn({ queue: name, err: error.message }, 'queue error');
      });
      queues.set(name, existing);
      watchQueues([...queues.values()]);
    }
    return existing;
  }
  // Every queue is visible in /metrics even before anything is enqueued.
  for (const name of Object.values(QUEUES)) queue(name);
  collectProcessMetrics();

  const identity: BotIdentity = {};
  const adapters = buildAdapters(config, redis, { queue, workspace: () => identity.workspaceId, deliveryConcurrency: NOTIFY_CONCURRENCY, ...(options.slackRetries !== undefined ? { slackRetries: options.slackRetries } : {}) });
  const site = adapters.jira;

  return {
    config,
    logger,
    clock: options.clock ?? systemClock,
    prefix: env.REDIS_PREFIX,
    redis,
    connection,
    queue,
    adapters,
    events: createProcessEvents(logger),
    identity,
    ...(options.slackRetries !== undefined ? { slackRetries: options.slackRetries } : {}),
    jiraProbe: options.jiraProbe ?? (site ? jiraProbe(site.clients) : undefined),
    async close() {
      await Promise.allSettled([...queues.values()].map((q) => q.close()));
      // BullMQ does not quit connections it was given: Redis goes last.
      await Promise.allSettled(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
    abort() {
      for (const c of connections) c.disconnect();
    },
  };
}
