import type { Config } from '../../config/schema.js';
import { catchUpDigests } from '../digest/digest-catch-up.js';
import { RedisDigestLedger } from '../digest/digest-ledger.js';
import { syncDigestSchedules } from '../digest/digest-schedules.js';
import { createDeliveryClient } from '../delivery/slack-delivery-client.js';
import { RedisOutbox } from '../delivery/redis-outbox.js';
import { slackPresence } from '../acceptance/slack-presence.js';
import { mirrorReminder } from '../acceptance/reminder-redraw.js';
import { createJiraWebhookHandler } from '../jira/webhook.js';
import { RedisWebhookDeliveries } from '../store/redis-webhook-deliveries.js';
import { acceptanceFeature } from '../slack/handlers/acceptance-actions.js';
import { RedisAcceptanceState } from '../store/redis-acceptance-state.js';
import { scheduleAcceptance, startAcceptanceWorker } from '../../workers/acceptance.worker.js';
import type { OwnershipDecision } from '../domain/work-item.js';
import { onDecisionForDigest } from '../digest/digest-service.js';
import { onDecisionForNudges } from '../nudges/nudge-sweep.js';
import { QUEUES } from '../queue/queues.js';
import { snoozeFeature } from '../slack/handlers/snooze-action.js';
import { RedisNudgeLedger } from '../store/redis-nudge-ledger.js';
import { recordWebhookSeen } from '../store/webhook-seen.js';
import { createSlackApp } from '../slack/create-slack-app.js';
import { RedisItemStore } from '../store/redis-item-store.js';
import { slackDepsFromConfig } from '../slack/slack-deps-from-config.js';
import { buildSyncDeps } from '../sync/sync-service.js';
import { enqueueRefresh, scheduleSync, startSyncWorker } from '../../workers/sync.worker.js';
import { createDigestWorker } from '../../workers/digest.worker.js';
import { scheduleNudges, startNudgesWorker } from '../../workers/nudges.worker.js';
import { startNotifyWorker } from '../../workers/notify.worker.js';
import type { Runtime } from './build-runtime.js';
import type { RequestHandler } from './http-server.js';
import { instrumentSlackClient } from './instrument-slack.js';
import type { WorkerDefinition } from './start-workers.js';

/**
 * Channels drained at once by one `work` process. A drain sleeps between paced posts while
 * holding its slot, so slots are cheap and a burst across many team channels should not queue.
 */
const NOTIFY_CONCURRENCY = 200;

/**
 * The one place feature modules are plugged into the processes: which queues have workers
 * (and schedules), and which HTTP handlers `serve` mounts. Each entry adapts a feature's
 * own factory to the runtime's clients.
 */
export function workerDefinitions(config: Config): WorkerDefinition[] {
  const definitions: WorkerDefinition[] = [];
  // Each queue runs only when its feature is configured; the others still run.
  if (config.env.JIRA_BASE_URL) definitions.push({
    queue: QUEUES.sync,
    start(rt) {
      const deps = buildSyncDeps(rt.config, rt.redis, () => rt.clock.now());
      const worker = startSyncWorker(deps, rt.connection('sync-worker'), rt.prefix);
      // Reminders mirror Jira right after a sync or webhook refresh, not only at the next acceptance pass.
      if (rt.config.env.SLACK_BOT_TOKEN) worker.on('completed', (job) => void mirrorAcceptanceAfterSync(rt, job.data));
      return worker;
    },
    schedule: (rt) => scheduleSync(rt.queue(QUEUES.sync), rt.config.teams.teams.map((t) => t.id)),
  });
  if (config.env.SLACK_BOT_TOKEN) definitions.push({
    queue: QUEUES.notify,
    start(rt) {
      const token = rt.config.env.SLACK_BOT_TOKEN;
      if (!token) throw new Error('the notify worker needs SLACK_BOT_TOKEN');
      const outbox = new RedisOutbox({ redis: rt.redis, queue: rt.queue(QUEUES.notify), prefix: rt.prefix });
      // The group's close() also stops the outbox repair timer.
      return startNotifyWorker({
        connection: rt.connection('notify-worker'),
        prefix: rt.prefix,
        outbox,
        redis: rt.redis,
        // Counted like every other Slack client: deliveries are most of the app's Web API calls.
        slack: instrumentSlackClient(createDeliveryClient(token, { maxConcurrency: NOTIFY_CONCURRENCY, ...(rt.config.env.SLACK_API_URL ? { slackApiUrl: rt.config.env.SLACK_API_URL } : {}) })),
        concurrency: NOTIFY_CONCURRENCY,
        logger: rt.logger.child({ queue: QUEUES.notify }),
      });
    },
  });
  // Digests are posted through the outbox, so they need Slack; the notify worker delivers them.
  if (config.env.SLACK_BOT_TOKEN) {
    definitions.push({
      queue: QUEUES.digest,
      start(rt) {
        const teams = rt.config.teams.teams;
        const ledger = new RedisDigestLedger(rt.redis, rt.prefix);
        const deps = {
          teams,
          items: new RedisItemStore(rt.redis, rt.prefix, teams, rt.config.env.JIRA_BASE_URL ?? rt.config.teams.site ?? ''),
          outbox: new RedisOutbox({ redis: rt.redis, queue: rt.queue(QUEUES.notify), prefix: rt.prefix }),
          ledger,
          clock: rt.clock,
        };
        return createDigestWorker({ connection: rt.connection('digest-worker'), prefix: rt.prefix, deps });
      },
      async schedule(rt) {
        const teams = rt.config.teams.teams;
        await syncDigestSchedules(rt.queue(QUEUES.digest), teams);
        // A digest missed while no worker ran (e.g. Monday 09:00 during a deploy) goes out now.
        await catchUpDigests(rt.queue(QUEUES.digest), teams, new RedisDigestLedger(rt.redis, rt.prefix), rt.clock.now());
      },
    });
  }
  if (config.env.SLACK_BOT_TOKEN) {
    definitions.push({
      queue: QUEUES.nudges,
      start(rt) {
        const teams = rt.config.teams.teams;
        const deps = {
          items: new RedisItemStore(rt.redis, rt.prefix, teams, siteUrlOf(rt.config)),
          ledger: new RedisNudgeLedger(rt.redis, rt.prefix),
          outbox: outboxOf(rt),
          logger: rt.logger.child({ queue: QUEUES.nudges }),
        };
        return startNudgesWorker(deps, teams, rt.clock, rt.connection('nudges-worker'), rt.prefix);
      },
      schedule: (rt) => scheduleNudges(rt.queue(QUEUES.nudges), rt.config.teams.teams),
    });
  }
  if (config.env.SLACK_BOT_TOKEN) {
    definitions.push({
      queue: QUEUES.acceptance,
      start(rt) {
        const teams = rt.config.teams.teams;
        if (!rt.slack) throw new Error('acceptance reminders need SLACK_BOT_TOKEN');
        const deps = {
          items: new RedisItemStore(rt.redis, rt.prefix, teams, siteUrlOf(rt.config)),
          state: new RedisAcceptanceState(rt.redis, rt.prefix),
          outbox: outboxOf(rt),
          presence: slackPresence(rt.slack),
        };
        return startAcceptanceWorker(deps, teams, rt.clock, rt.connection('acceptance-worker'), rt.prefix);
      },
      schedule: (rt) => scheduleAcceptance(rt.queue(QUEUES.acceptance), rt.config.teams.teams),
    });
  }
  return definitions;
}

/** Edits the PO reminders of the synced teams (all teams after a webhook refresh) whose items left the queue. */
async function mirrorAcceptanceAfterSync(rt: Runtime, data: unknown): Promise<void> {
  const teamId = (data as { kind?: string; teamId?: string } | undefined)?.kind === 'scope' ? (data as { teamId?: string }).teamId : undefined;
  const teams = rt.config.teams.teams.filter((t) => t.acceptance.enabled && (!teamId || t.id === teamId));
  const deps = { items: new RedisItemStore(rt.redis, rt.prefix, rt.config.teams.teams, siteUrlOf(rt.config)), state: new RedisAcceptanceState(rt.redis, rt.prefix), outbox: outboxOf(rt) };
  for (const team of teams) {
    try {
      await mirrorReminder(deps, team, rt.clock.now());
    } catch (error) {
      rt.logger.warn({ team: team.id, err: error }, 'could not update an acceptance reminder after a sync');
    }
  }
}

function siteUrlOf(config: Config): string {
  return config.env.JIRA_BASE_URL ?? config.teams.site ?? '';
}

function outboxOf(rt: Runtime): RedisOutbox {
  return new RedisOutbox({ redis: rt.redis, queue: rt.queue(QUEUES.notify), prefix: rt.prefix });
}

/**
 * What happens after someone decides who owns an item in Slack: the nudge and the weekly
 * digest that listed it are edited in place. A failure here never undoes the decision.
 */
function decisionHook(rt: Runtime): (key: string, decision: OwnershipDecision) => Promise<void> {
  const teams = rt.config.teams.teams;
  const outbox = outboxOf(rt);
  const nudgeLedger = new RedisNudgeLedger(rt.redis, rt.prefix);
  const digestLedger = new RedisDigestLedger(rt.redis, rt.prefix);
  return async (key, decision) => {
    const results = await Promise.allSettled([
      onDecisionForNudges({ ledger: nudgeLedger, outbox }, key, decision),
      onDecisionForDigest({ teams, outbox, ledger: digestLedger, clock: rt.clock }, key, decision),
    ]);
    for (const result of results) {
      if (result.status === 'rejected') rt.logger.warn({ key, err: result.reason }, 'could not update a message after a decision');
    }
  };
}

/** Bolt's request listener for `/slack/events`, or undefined when Slack is not configured. */
export async function buildSlackHandler(rt: Runtime, workspaceId?: string): Promise<{ handler: RequestHandler; stop(): Promise<void> } | undefined> {
  const { env } = rt.config;
  const teams = rt.config.teams.teams;
  const deps = slackDepsFromConfig(rt.config, rt.redis, {
    now: () => rt.clock.now(),
    logger: rt.logger.child({ component: 'slack' }),
    onDecision: decisionHook(rt),
  });
  if (!deps) return undefined;
  if (workspaceId) deps.workspaceId = workspaceId;
  const home = deps.workspaceId ? { homeWorkspaceId: deps.workspaceId } : {};
  // Features share the app's store and Jira writer: one rate-limit gate per Jira site.
  deps.features = [
    snoozeFeature({ store: deps.store, ledger: new RedisNudgeLedger(rt.redis, rt.prefix), teams, ...home, now: () => rt.clock.now() }),
    // Accept and Reject run Jira transitions, so they need a Jira site.
    ...(deps.jira ? [acceptanceFeature({ items: deps.store, state: new RedisAcceptanceState(rt.redis, rt.prefix), jira: deps.jira, teams, ...home, outbox: outboxOf(rt), now: () => rt.clock.now() })] : []),
  ];
  const slack = createSlackApp(deps);
  if (env.SLACK_APP_TOKEN) {
    // Socket Mode: Slack connects out; nothing to mount on the HTTP server.
    await slack.start();
    return { handler: (_req, res) => void res.writeHead(404).end(), stop: () => slack.stop() };
  }
  return { handler: (req, res) => slack.handler(req, res), stop: async () => {} };
}

/** Handler for `POST /webhooks/jira`, or undefined without JIRA_WEBHOOK_SECRET. */
export async function buildJiraWebhookHandler(rt: Runtime): Promise<RequestHandler | undefined> {
  const secret = rt.config.env.JIRA_WEBHOOK_SECRET;
  if (!secret) return undefined;
  const queue = rt.queue(QUEUES.sync);
  const handler = createJiraWebhookHandler({
    secret,
    enqueue: async (refresh) => {
      await enqueueRefresh(queue, refresh.keys, refresh.deliveryId);
      await recordWebhookSeen(rt.redis, rt.prefix, rt.clock.now());
    },
    deliveries: new RedisWebhookDeliveries(rt.redis, rt.prefix),
    now: () => rt.clock.now(),
  });
  return (req, res) => handler(req, res);
}
