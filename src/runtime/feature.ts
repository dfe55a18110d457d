import type { ProcessEvents } from '../ports.js';
import type { SlackListeners } from '../slack/create-slack-app.js';
import type { RequestHandler } from './http-server.js';
import type { Reaction } from './process-events.js';
import type { WorkerDefinition } from './start-workers.js';

/** What a feature does when another feature's event happens. */
export type FeatureReaction = { [K in keyof ProcessEvents]: { event: K; react: Reaction<K> } }[keyof ProcessEvents];

export function reactTo<K extends keyof ProcessEvents>(event: K, react: Reaction<K>): FeatureReaction {
  return { event, react } as FeatureReaction;
}

/**
 * What one feature brings to a process, wired in its own `wire.ts`: the queue it works on
 * (with its schedules), its Slack listeners, its HTTP intake, and its reactions to other
 * features' events.
 */
export interface Feature {
  /** Runs in `work` and `start` processes. */
  worker?: WorkerDefinition;
  /** Registered on the Slack app in `serve` and `start` processes. */
  listeners?: readonly SlackListeners[];
  /** Handles POST /webhooks/jira in `serve` and `start` processes. */
  jiraWebhook?: RequestHandler;
  /** Subscribed wherever the features are wired: every process, and `sync --once`. */
  reactions?: readonly FeatureReaction[];
}
