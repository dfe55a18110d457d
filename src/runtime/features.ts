import { wireAcceptance } from '../acceptance/wire.js';
import { wireDelivery } from '../delivery/wire.js';
import { wireDigest } from '../digest/wire.js';
import { wireLearning } from '../learning/wire.js';
import { wireNudges } from '../nudges/wire.js';
import { wireWhoOwns } from '../slack/wire.js';
import { wireSync } from '../sync/wire.js';
import type { Runtime } from './build-runtime.js';
import type { Feature } from './feature.js';
import type { Reaction } from './process-events.js';

/**
 * Every feature of who-owns. Each wires itself from the process's runtime (adapters, queues,
 * events) and brings what it has: a worker with schedules, Slack listeners, a webhook,
 * reactions to events. A feature whose service is not configured (no Jira site, no Slack
 * token) brings nothing.
 */
export const FEATURES: readonly ((rt: Runtime) => Feature)[] = [wireSync, wireDelivery, wireWhoOwns, wireNudges, wireDigest, wireAcceptance, wireLearning];

/**
 * Wires every feature and subscribes their reactions on the runtime's event bus. Wiring
 * starts nothing: the caller starts the workers and listeners it runs, so a one-shot command
 * that only syncs still has every reaction a running process has.
 */
export function wireFeatures(rt: Runtime): Feature[] {
  const features = FEATURES.map((wire) => wire(rt));
  for (const { event, react } of features.flatMap((f) => f.reactions ?? [])) rt.events.on(event, react as Reaction<typeof event>);
  return features;
}
