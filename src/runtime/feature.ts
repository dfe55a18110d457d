import type { SlackListeners } from '../slack/create-slack-app.js';
import type { RequestHandler } from './http-server.js';
import type { WorkerDefinition } from './start-workers.js';

/**
 * What one feature brings to a process, wired in its own `wire.ts`: the queue it works on
 * (with its schedules), its Slack listeners, and its HTTP intake. Reactions to other
 * features' events are subscribed while wiring.
 */
export interface Feature {
  /** Runs in `work` and `start` processes. */
  worker?: WorkerDefinition;
  /** Registered on the Slack app in `serve` and `start` processes. */
  listeners?: readonly SlackListeners[];
  /** Handles POST /webhooks/jira in `serve` and `start` processes. */
  jiraWebhook?: RequestHandler;
}
