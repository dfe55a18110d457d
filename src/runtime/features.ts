import { wireAcceptance } from '../acceptance/wire.js';
import { wireDelivery } from '../delivery/wire.js';
import { wireDigest } from '../digest/wire.js';
import { wireLearning } from '../learning/wire.js';
import { wireNudges } from '../nudges/wire.js';
import { wireWhoOwns } from '../slack/wire.js';
import { wireSync } from '../sync/wire.js';
import type { Runtime } from './build-runtime.js';
import type { Feature } from './feature.js';

/**
 * Every feature of who-owns. Each wires itself from the process's runtime (adapters, queues,
 * events) and brings what it has: a worker with schedules, Slack listeners, a webhook. A
 * feature whose service is not configured (no Jira site, no Slack token) brings nothing.
 */
export const FEATURES: readonly ((rt: Runtime) => Feature)[] = [wireSync, wireDelivery, wireWhoOwns, wireNudges, wireDigest, wireAcceptance, wireLearning];

export function wireFeatures(rt: Runtime): Feature[] {
  return FEATURES.map((wire) => wire(rt));
}
