import type { Config } from '../../config/schema.js';
import type { QueueName } from '../queue/queues.js';
import { buildRuntime, type Runtime, type RuntimeOptions } from './build-runtime.js';
import { buildJiraWebhookHandler, buildSlackHandler, workerDefinitions } from './features.js';
import { createHttpServer } from './http-server.js';
import { resolvePeopleAtStart } from './people-at-start.js';
import { createReadiness } from './readiness.js';
import { installProcessHandlers, installShutdown, type ShutdownStep } from './shutdown.js';
import { reportConnectivity } from './startup-checks.js';
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
}

export interface RunningProcess {
  runtime: Runtime;
  port: number;
  workers?: RunningWorkers;
  /** Resolves with the exit code after a graceful shutdown. */
  done: Promise<number>;
  /** Settles once the start-up Slack and Jira credential checks were logged. */
  connectivity: Promise<{ slack?: boolean; jira?: boolean }>;
  stop(): Promise<number>;
}

/**
 * Starts `serve`, `work` or both in one process. Every process listens on PORT for
 * /healthz, /readyz and /metrics; `serve` adds /slack/events and /webhooks/jira.
 * Shutdown order: HTTP intake, Slack app, workers (running jobs finish), queues, Redis.
 */
export async function runProcess(config: Config, options: ProcessOptions): Promise<RunningProcess> {
  const rt = buildRuntime(config, options);
  // People given by email get their Slack and Jira ids before any feature reads the teams.
  const people = await resolvePeopleAtStart(rt);
  const slack = options.serve ? await buildSlackHandler(rt) : undefined;
  const jiraWebhook = options.serve ? await buildJiraWebhookHandler(rt) : undefined;
  let shuttingDown = false;
  const readiness = createReadiness({ redis: rt.redis, clock: rt.clock, jiraProbe: rt.jiraProbe, shuttingDown: () => shuttingDown });
  const http = createHttpServer({ logger: rt.logger, readiness, slack: slack?.handler, jiraWebhook });
  const port = await http.listen(options.port ?? config.env.PORT, options.host);
  if (options.serve && !slack) rt.logger.warn('Slack is not configured (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET): /slack/events answers 404');

  const workers = options.work ? await startWorkers(rt, options.workers ?? workerDefinitions(config), options.queues) : undefined;

  const steps: ShutdownStep[] = [
    {
      name: 'http',
      run: async () => {
        shuttingDown = true;
        await http.close();
      },
    },
  ];
  if (slack) steps.push({ name: 'slack', run: () => slack.stop() });
  if (workers) steps.push({ name: 'workers', run: () => workers.close() });
  steps.push({
    name: 'queues-and-redis',
    run: () => {
      people.stop();
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
  rt.logger.info({ port, serve: options.serve, work: options.work, prefix: rt.prefix }, 'who-owns is running');
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
