import type { Config } from '../../config/schema.js';
import { enqueueRefresh, scheduleSync, scheduleWebhookUpkeep, startSyncWorker } from '../../workers/sync.worker.js';
import type { Queue } from 'bullmq';
import type { Clock, EventSink, WebhookRefresh } from '../ports.js';
import { QUEUES } from '../queue/queues.js';
import type { Adapters } from '../runtime/adapters.js';
import type { Runtime } from '../runtime/build-runtime.js';
import type { Feature } from '../runtime/feature.js';
import { recordWebhookSeen } from '../store/webhook-seen.js';
import { keepWebhookRegistered } from './keep-webhook.js';
import type { SyncDeps } from './sync-team.js';

/** The sync's dependencies from the process's adapters; throws when no Jira site is configured. */
export function syncDepsFrom(adapters: Adapters, config: Config, clock: Clock, events?: EventSink): SyncDeps {
  const site = adapters.jira;
  if (!site) throw new Error('no Jira site configured: set JIRA_BASE_URL and credentials (see `who-owns config check`)');
  return {
    jira: site.syncReader,
    store: adapters.items,
    cursors: adapters.syncCursors,
    decisions: adapters.decisions,
    learned: adapters.learned,
    teams: config.teams.teams,
    now: () => clock.now(),
    ...(events ? { events } : {}),
  };
}

/** Queues a webhook's refresh and notes the delivery, so `who-owns doctor` can tell webhooks arrive. */
async function acceptRefresh(rt: Runtime, queue: Queue, refresh: WebhookRefresh): Promise<void> {
  await enqueueRefresh(queue, refresh.keys, refresh.deliveryId);
  await recordWebhookSeen(rt.redis, rt.prefix, rt.clock.now());
}

/**
 * Jira → store: scheduled syncs per team, and refreshes of the items a Jira webhook names.
 * Each finished sync tells the process which items newly need attention (nudges react) and
 * which no longer do (nudge and digest lines are edited).
 */
export function wireSync(rt: Runtime): Feature {
  const queue = rt.queue(QUEUES.sync);
  const intake = rt.adapters.jiraWebhookIntake;
  // A `serve` process takes webhooks without Jira credentials of its own: the worker refreshes.
  const webhook = intake ? { jiraWebhook: intake((refresh) => acceptRefresh(rt, queue, refresh), () => rt.clock.now()) } : {};
  const site = rt.adapters.jira;
  if (!site) return webhook;
  const deps = syncDepsFrom(rt.adapters, rt.config, rt.clock, rt.events);
  const url = rt.config.env.JIRA_WEBHOOK_URL;
  const webhooks = site.webhooks;
  const keepWebhook = url && webhooks ? () => keepWebhookRegistered({ webhooks, registered: rt.adapters.registeredWebhook, url, teams: rt.config.teams.teams, now: () => rt.clock.now() }) : undefined;
  return {
    worker: {
      queue: QUEUES.sync,
      start: () => startSyncWorker(deps, rt.connection('sync-worker'), rt.prefix, keepWebhook ? { keepWebhook } : {}),
      schedule: async () => {
        await scheduleSync(
          queue,
          rt.config.teams.teams.map((t) => t.id),
        );
        await scheduleWebhookUpkeep(queue, Boolean(keepWebhook));
      },
    },
    ...webhook,
  };
}
