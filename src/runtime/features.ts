import type { Config } from '../../config/schema.js';
import { createJiraWebhookHandler } from '../jira/webhook.js';
import { QUEUES } from '../queue/queues.js';
import { buildSyncDeps } from '../sync/sync-service.js';
import { enqueueRefresh, scheduleSync, startSyncWorker } from '../../workers/sync.worker.js';
import type { Runtime } from './build-runtime.js';
import type { RequestHandler } from './http-server.js';
import type { WorkerDefinition } from './start-workers.js';

/**
 * The one place feature modules are plugged into the processes: which queues have workers
 * (and schedules), and which HTTP handlers `serve` mounts. Each entry adapts a feature's
 * own factory to the runtime's clients.
 */
export function workerDefinitions(config: Config): WorkerDefinition[] {
  const definitions: WorkerDefinition[] = [];
  // Syncing needs a Jira site; without one the other queues still run.
  if (config.env.JIRA_BASE_URL) {
    definitions.push({
      queue: QUEUES.sync,
      start: (rt) => startSyncWorker(buildSyncDeps(rt.config, rt.redis, () => rt.clock.now()), rt.connection('sync-worker'), rt.prefix),
      schedule: (rt) => scheduleSync(rt.queue(QUEUES.sync), rt.config.teams.teams.map((t) => t.id)),
    });
  }
  return definitions;
}

/** Bolt's request listener for `/slack/events`, or undefined when Slack is not configured. */
export async function buildSlackHandler(_rt: Runtime): Promise<{ handler: RequestHandler; stop(): Promise<void> } | undefined> {
  return undefined;
}

/** Handler for `POST /webhooks/jira`, or undefined when no JIRA_WEBHOOK_SECRET is set. */
export async function buildJiraWebhookHandler(rt: Runtime): Promise<RequestHandler | undefined> {
  const secret = rt.config.env.JIRA_WEBHOOK_SECRET;
  if (!secret) return undefined;
  const handler = createJiraWebhookHandler({ secret, enqueue: (refresh) => enqueueRefresh(rt.queue(QUEUES.sync), refresh.keys, refresh.deliveryId) });
  return (req, res) => handler(req, res);
}
