import type { Runtime } from './build-runtime.js';
import type { RequestHandler } from './http-server.js';
import type { WorkerDefinition } from './start-workers.js';

/**
 * The one place feature modules are plugged into the processes: which queues have workers
 * (and schedules), and which HTTP handlers `serve` mounts. Each entry adapts a feature's
 * own factory to the runtime's clients.
 */
export function workerDefinitions(): WorkerDefinition[] {
  return [];
}

/** Bolt's request listener for `/slack/events`, or undefined when Slack is not configured. */
export async function buildSlackHandler(_rt: Runtime): Promise<{ handler: RequestHandler; stop(): Promise<void> } | undefined> {
  return undefined;
}

/** Handler for `POST /webhooks/jira`, or undefined when not available. */
export async function buildJiraWebhookHandler(_rt: Runtime): Promise<RequestHandler | undefined> {
  return undefined;
}
