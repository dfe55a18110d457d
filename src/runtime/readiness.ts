import type { Redis } from 'ioredis';
import { lastJiraSuccess } from '../metrics.js';
import type { Clock, RegisteredWebhookState } from '../ports.js';
import { registeredWebhookDetail } from '../store/redis-registered-webhook.js';
import type { JiraProbe } from '../jira/jira-probe.js';

export interface ReadinessCheck {
  name: 'redis' | 'config' | 'jira' | 'shutdown' | 'sync' | 'webhooks';
  ok: boolean;
  detail: string;
}

export interface ReadinessOptions {
  redis: Redis;
  clock: Clock;
  jiraProbe?: JiraProbe;
  /** PING must answer within this (default 1000 ms). */
  redisTimeoutMs?: number;
  /** A Jira success this recent counts as reachable without probing (default 10 min). */
  jiraFreshMs?: number;
  /** Probe results are reused for this long (default 60 s) so scrapes don't hammer Jira. */
  jiraProbeCacheMs?: number;
  /** True once shutdown began: load balancers should stop routing here. */
  shuttingDown?: () => boolean;
  /** Per scope, what its last sync could not read; shown, never a reason to be unready. */
  syncWarnings?: () => Promise<Record<string, string[]>>;
  /** When the last Jira webhook arrived, or null; shown when webhooks are configured. */
  lastWebhook?: () => Promise<Date | null>;
  /** The webhook registered through Jira's REST API (JIRA_WEBHOOK_URL): until when it lives, or why keeping it failed. */
  registeredWebhook?: () => Promise<RegisteredWebhookState | undefined>;
}


function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Builds the /readyz evaluation: Redis answers PING, config is loaded, Jira was reachable recently. */
export function createReadiness(options: ReadinessOptions): () => Promise<{ ready: boolean; checks: ReadinessCheck[] }> {
  const redisTimeout = options.redisTimeoutMs ?? 1000;
  const fresh = options.jiraFreshMs ?? 10 * 60_000;
  const cacheFor = options.jiraProbeCacheMs ?? 60_000;
  let cached: { at: number; check: ReadinessCheck } | undefined;

  async function redisCheck(): Promise<ReadinessCheck> {
    try {
      // A dropped connection queues commands (maxRetriesPerRequest null); the timeout turns that into "not ready".
      const pong = await withTimeout(options.redis.ping(), redisTimeout, 'Redis');
      return { name: 'redis', ok: pong === 'PONG', detail: pong === 'PONG' ? 'PING answered' : `unexpected reply ${pong}` };
    } catch (error) {
      return { name: 'redis', ok: false, detail: (error as Error).message };
    }
  }

  async function jiraCheck(): Promise<ReadinessCheck> {
    if (!options.jiraProbe) return { name: 'jira', ok: true, detail: 'not configured (JIRA_BASE_URL unset)' };
    const now = options.clock.now().getTime();
    const last = lastJiraSuccess();
    if (last && now - last.getTime() < fresh) return { name: 'jira', ok: true, detail: `last successful call ${Math.round((now - last.getTime()) / 1000)} s ago` };
    if (cached && now - cached.at < cacheFor) return cached.check;
    let check: ReadinessCheck;
    try {
      await withTimeout(options.jiraProbe(), 5000, 'Jira');
      check = { name: 'jira', ok: true, detail: 'GET /myself answered' };
    } catch (error) {
      const status = (error as { status?: number }).status;
      check = { name: 'jira', ok: false, detail: status ? `GET /myself answered HTTP ${status}` : (error as Error).message };
    }
    cached = { at: now, check };
    return check;
  }

  /** Informational checks: a partial scope or a quiet webhook is worth seeing, not a reason to stop traffic. */
  async function notes(): Promise<ReadinessCheck[]> {
    const checks: ReadinessCheck[] = [];
    try {
      if (options.syncWarnings) {
        const warnings = Object.entries(await withTimeout(options.syncWarnings(), redisTimeout, 'Redis')).flatMap(([scope, list]) => list.map((w) => `${scope}: ${w}`));
        checks.push({ name: 'sync', ok: true, detail: warnings.length ? `partial: ${warnings.join('; ')}` : 'every scope read in full' });
      }
      if (options.lastWebhook) {
        const last = await withTimeout(options.lastWebhook(), redisTimeout, 'Redis');
        const registered = options.registeredWebhook ? `; ${registeredWebhookDetail(await withTimeout(options.registeredWebhook(), redisTimeout, 'Redis'))}` : '';
        checks.push({ name: 'webhooks', ok: true, detail: `${last ? `last Jira webhook ${last.toISOString()}` : 'no Jira webhook received yet'}${registered}` });
      }
    } catch {
      // Redis is unreachable: the redis check already says so.
    }
    return checks;
  }

  return async () => {
    const checks: ReadinessCheck[] = [{ name: 'config', ok: true, detail: 'loaded and valid' }];
    if (options.shuttingDown?.()) checks.push({ name: 'shutdown', ok: false, detail: 'shutting down' });
    checks.push(...(await Promise.all([redisCheck(), jiraCheck()])), ...(await notes()));
    return { ready: checks.every((c) => c.ok), checks };
  };
}
