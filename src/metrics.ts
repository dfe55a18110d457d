import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics for who-owns. One module-level `metrics` object that feature code
 * increments directly (`metrics.nudgesSent.inc({ team })`); `/metrics` serves `metrics.registry`.
 * Queue depths and sync lag are computed when Prometheus scrapes, not pushed.
 *
 * Label values stay low-cardinality: queue names, team ids, Jira scopes, API method names —
 * never item keys, user ids or free text.
 */

/** How an outbound call ended. 429 is its own outcome because it is what operators tune for. */
export type CallOutcome = 'ok' | 'rate_limited' | 'client_error' | 'server_error' | 'timeout' | 'network_error';

/** Anything that can report a queue's job counts (a BullMQ Queue does). */
export interface CountableQueue {
  name: string;
  getJobCounts(...types: string[]): Promise<Record<string, number>>;
}

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized', 'waiting-children'] as const;

/** Every metric, with what it counts in its `help`; label names are typed from `labelNames`. */
function createMetrics() {
  const registry = new Registry();
  const watched: CountableQueue[] = [];
  const lastSync = new Map<string, number>();
  const registers = [registry];
  const queueJobs = new Gauge({
    name: 'who_owns_queue_jobs',
    help: 'Jobs per queue and state (waiting, active, delayed, failed, …), read at scrape time',
    labelNames: ['queue', 'state'] as const,
    registers,
    async collect() {
      this.reset();
      await Promise.all(
        watched.map(async (queue) => {
          try {
            const counts = await queue.getJobCounts(...QUEUE_STATES);
            for (const state of QUEUE_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
          } catch {
            // Redis unreachable: the gauge stays empty for this queue and /readyz says why.
          }
        }),
      );
    },
  });
  const syncLag = new Gauge({
    name: 'who_owns_sync_lag_seconds',
    help: 'Seconds since the last successful Jira sync of each scope',
    labelNames: ['scope'] as const,
    registers,
    collect() {
      const now = Date.now();
      for (const [scope, at] of lastSync) this.set({ scope }, Math.max(0, (now - at) / 1000));
    },
  });
  return {
    registry,
    watched,
    lastSync,
    queueJobs,
    syncLag,
    jobDuration: new Histogram({
      name: 'who_owns_job_duration_seconds',
      help: 'Time a queue job took, by queue and outcome',
      labelNames: ['queue', 'outcome'] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    }),
    jiraCalls: new Counter({ name: 'who_owns_jira_calls_total', help: 'Jira REST calls by operation and outcome', labelNames: ['operation', 'outcome'] as const, registers }),
    slackCalls: new Counter({ name: 'who_owns_slack_calls_total', help: 'Slack Web API calls by method and outcome', labelNames: ['method', 'outcome'] as const, registers }),
    itemsSynced: new Counter({ name: 'who_owns_items_synced_total', help: 'Items fetched from Jira by sync, per scope', labelNames: ['scope'] as const, registers }),
    verdicts: new Counter({ name: 'who_owns_verdicts_total', help: 'Ownership verdicts computed, by state', labelNames: ['state'] as const, registers }),
    nudgesSent: new Counter({ name: 'who_owns_nudges_sent_total', help: 'Nudges posted about unclear ownership, per team', labelNames: ['team'] as const, registers }),
    digestsSent: new Counter({ name: 'who_owns_digests_sent_total', help: 'Weekly digests posted, per team', labelNames: ['team'] as const, registers }),
    remindersSent: new Counter({ name: 'who_owns_acceptance_reminders_sent_total', help: 'Acceptance reminders and escalations sent, per team', labelNames: ['team', 'kind'] as const, registers }),
    deliveriesDeadLettered: new Counter({ name: 'who_owns_deliveries_dead_lettered_total', help: 'Slack messages given up on after all retries', labelNames: ['kind'] as const, registers }),
    slackRequests: new Counter({ name: 'who_owns_slack_requests_total', help: 'Slash commands and interactions handled, by kind and outcome', labelNames: ['kind', 'outcome'] as const, registers }),
    permissionRefusals: new Counter({ name: 'who_owns_permission_refusals_total', help: 'Slack actions refused by the permission policy, by action and reason', labelNames: ['action', 'reason'] as const, registers }),
    syncLastSuccess: new Gauge({ name: 'who_owns_sync_last_success_timestamp_seconds', help: 'Unix time of the last successful sync of each scope', labelNames: ['scope'] as const, registers }),
    jiraPoints: new Counter({ name: 'who_owns_jira_points_total', help: 'Jira Cloud rate-limit points spent, by lane (background sync, interactive look-ups)', labelNames: ['lane'] as const, registers }),
    syncWarnings: new Gauge({ name: 'who_owns_sync_warnings', help: 'Parts of each scope (boards, projects, fields) the last sync could not read; the rest synced', labelNames: ['scope'] as const, registers }),
  };
}

const state = createMetrics();
let defaultsCollected = false;

/** The process-wide metrics. */
export const metrics: Metrics = state;

export type Metrics = Omit<ReturnType<typeof createMetrics>, 'watched' | 'lastSync'>;

/** Adds Node process metrics (memory, event-loop lag, GC) once per process. */
export function collectProcessMetrics(): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  collectDefaultMetrics({ register: metrics.registry, prefix: 'who_owns_' });
}

/** Reports these queues' depths on every scrape (replaces the previous set). */
export function watchQueues(queues: readonly CountableQueue[]): void {
  state.watched.splice(0, state.watched.length, ...queues);
}

/** Call after a scope synced successfully; feeds the sync-lag gauge. */
export function recordSyncSuccess(scope: string, at: Date = new Date()): void {
  state.lastSync.set(scope, at.getTime());
  metrics.syncLastSuccess.set({ scope }, Math.floor(at.getTime() / 1000));
}

let lastJiraSuccessAt: number | undefined;

/** When a Jira call last succeeded in this process (for /readyz), or undefined. */
export function lastJiraSuccess(): Date | undefined {
  return lastJiraSuccessAt === undefined ? undefined : new Date(lastJiraSuccessAt);
}

/** Maps an HTTP status (or its absence) to an outcome label. */
export function outcomeOfStatus(status: number | undefined, code?: string): CallOutcome {
  if (status === undefined) return code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' ? 'timeout' : 'network_error';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  if (status >= 400) return 'client_error';
  return 'ok';
}

/** Outcome of a failed call from any error shape jira.js (axios / HttpException) or Slack's WebClient throws. */
export function outcomeOfError(error: unknown): CallOutcome {
  const e = error as { status?: unknown; code?: unknown; response?: { status?: unknown }; data?: { error?: unknown } } | null;
  const status = typeof e?.status === 'number' ? e.status : typeof e?.response?.status === 'number' ? e.response.status : undefined;
  if (e?.code === 'slack_webapi_rate_limited_error') return 'rate_limited';
  if (e?.code === 'slack_webapi_platform_error') return 'client_error';
  if (e?.code === 'slack_webapi_http_error' || e?.code === 'slack_webapi_request_error') return status ? outcomeOfStatus(status) : 'network_error';
  return outcomeOfStatus(status, typeof e?.code === 'string' ? e.code : undefined);
}

/** Counts one Jira call; `ok` outcomes also mark Jira as reachable for /readyz. */
export function recordJiraCall(operation: string, outcome: CallOutcome): void {
  metrics.jiraCalls.inc({ operation, outcome });
  if (outcome === 'ok') lastJiraSuccessAt = Date.now();
}

/**
 * jira.js `middlewares` that count every call of a client (operation label `rest`, since
 * jira.js does not say which method ran). Pass them in the client config.
 */
export function jiraMetricsMiddlewares(): { onResponse: (data: unknown) => void; onError: (error: unknown) => void } {
  return {
    onResponse: () => recordJiraCall('rest', 'ok'),
    onError: (error) => recordJiraCall('rest', outcomeOfError(error)),
  };
}

/** Times a job: `const done = startJobTimer('sync'); … done('completed')`. */
export function startJobTimer(queue: string): (outcome: 'completed' | 'failed') => void {
  const end = metrics.jobDuration.startTimer({ queue });
  return (outcome) => {
    end({ outcome });
  };
}
