import type { Config } from '../../config/schema.js';
import type { QueueName } from '../queue/queues.js';
import { buildRuntime, type Runtime, type RuntimeOptions } from './build-runtime.js';
import { wireFeatures } from './features.js';
import { createHttpServer } from './http-server.js';
import { webhookLastSeen } from '../store/webhook-seen.js';
import { resolvePeopleAtStart } from './people-at-start.js';
import { createReadiness } from './readiness.js';
import { installProcessHandlers, installShutdown, type ShutdownStep } from './shutdown.js';
import { buildSlackHandler } from './slack-handler.js';
import { reportConnectivity } from './startup-checks.js';
import { listenFailure, STARTUP_TIMEOUT_MS, verifySlackToken, waitForRedis } from './startup-failure.js';
import { type RunningWorkers, startWorkers, type WorkerDefinition } from './start-workers.js';

export interface ProcessOptions extends RuntimeOptions {
  /** Mount Slack and Jira webhooks (`serve`, `start`). */
  serve: boolean;
  /** Run queue workers (`work`, `start`). */
  work: boolean;
  /** Limit workers to these queues (default: all). */
  queues?: readonly QueueName[];
  /** Overrides PORT (0 picks a free port; tests). */
  port?: number;
  host?: string;
  /** Replaces the feature worker definitions (tests). */
  workers?: readonly WorkerDefinition[];
  shutdownTimeoutMs?: number;
  /** Install SIGTERM/SIGINT and process-level handlers (default true). */
  handleSignals?: boolean;
  /** How long Redis and Slack's auth.test may take to answer at start-up. */
  startupTimeoutMs?: number;
}

export interface RunningProcess {
  runtime: Runtime;
  port: number;
  workers?: RunningWorkers;
  /** Resolves with the exit code after a graceful shutdown. */
  done: Promise<number>;
  /** Settles once the start-up Jira credential check was logged (Slack's was done before start-up). */
  connectivity: Promise<{ jira?: boolean }>;
  stop(): Promise<number>;
}

/**
 * Starts `serve`, `work` or both in one process. Every process listens on PORT for
 * /healthz, /readyz and /metrics; `serve` adds /slack/events and /webhooks/jira.
 * Shutdown order: HTTP intake, Slack app, workers (running jobs finish), queues, Redis.
 */
export async function runProcess(config: Config, options: ProcessOptions): Promise<RunningProcess> {
  const rt = buildRuntime(config, options);
  let shuttingDown = false;
  let people: { stop(): void } | undefined;
  let slack: Awaited<ReturnType<typeof buildSlackHandler>>;
  let http: ReturnType<typeof createHttpServer> | undefined;
  let workers: RunningWorkers | undefined;
  let port: number;
  // A process that cannot start closes what it opened and fails with one clear line (StartupError).
  try {
    const timeoutMs = options.startupTimeoutMs ?? STARTUP_TIMEOUT_MS;
    await waitForRedis(rt.redis, timeoutMs);
    // One auth.test: the token is checked and the bot's ids are known before any request arrives.
    await verifySlackToken(rt, timeoutMs);
    // People given by email get their Slack and Jira ids before any feature reads the teams.
    people = await resolvePeopleAtStart(rt);
    const features = wireFeatures(rt);
    slack = options.serve ? await buildSlackHandler(rt, features.flatMap((f) => f.listeners ?? [])) : undefined;
    const jiraWebhook = options.serve ? features.find((f) => f.jiraWebhook)?.jiraWebhook : undefined;
    const readiness = createReadiness({
      redis: rt.redis,
      clock: rt.clock,
      jiraProbe: rt.jiraProbe,
      shuttingDown: () => shuttingDown,
      syncWarnings: () => rt.adapters.syncCursors.allWarnings(config.teams.teams.map((t) => t.id)),
      ...(config.env.JIRA_WEBHOOK_SECRET ? { lastWebhook: async () => (await webhookLastSeen(rt.redis, rt.prefix)) ?? null } : {}),
      ...(config.env.JIRA_WEBHOOK_URL ? { registeredWebhook: () => rt.adapters.registeredWebhook.read() } : {}),
    });
    http = createHttpServer({ logger: rt.logger, readiness, slack: slack?.handler, jiraWebhook });
    const wanted = options.port ?? config.env.PORT;
    port = await http.listen(wanted, options.host).catch((error: unknown) => {
      throw listenFailure(error, wanted);
    });
    if (options.serve && !slack) rt.logger.warn('Slack is not configured (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET): /slack/events answers 404');
    const definitions = options.workers ?? features.flatMap((f) => (f.worker ? [f.worker] : []));
    workers = options.work ? await startWorkers(rt, definitions, options.queues) : undefined;
  } catch (error) {
    people?.stop();
    await http?.close();
    await slack?.stop().catch(() => {});
    rt.abort();
    throw error;
  }
  const opened = { http, slack, workers, people };

  const steps: ShutdownStep[] = [
    {
      name: 'http',
      run: async () => {
        shuttingDown = true;
        await opened.http.close();
      },
    },
  ];
  if (opened.slack) steps.push({ name: 'slack', run: () => opened.slack?.stop() ?? Promise.resolve() });
  if (opened.workers) steps.push({ name: 'workers', run: () => opened.workers?.close() ?? Promise.resolve() });
  steps.push({
    name: 'queues-and-redis',
    run: () => {
      opened.people.stop();
      return rt.close();
    },
  });

  const handleSignals = options.handleSignals ?? true;
  const shutdown = installShutdown({ logger: rt.logger, steps, timeoutMs: options.shutdownTimeoutMs, signals: handleSignals ? undefined : [] });
  const removeHandlers = handleSignals ? installProcessHandlers(rt.logger, (reason) => void shutdown.trigger(reason)) : () => {};
  // Signal handlers stay until the process exits: a second signal, even one arriving after the
  // steps finished but before the process is gone, exits at once with 130 instead of a crash.
  const done = shutdown.done.then((code) => {
    removeHandlers();
    return code;
  });
  rt.logger.info({ port, serve: options.serve, work: options.work, prefix: rt.prefix, ...(options.serve && slack ? { next: 'in Slack, type /who-owns help in a team channel' } : {}) }, 'who-owns is running');
  return {
    runtime: rt,
    port,
    workers,
    done,
    connectivity: reportConnectivity(rt),
    stop: async () => {
      await shutdown.trigger('stop');
      return done;
    },
  };
}
