import type { Redis } from 'ioredis';
import type { RegisteredWebhookStore } from '../ports.js';
import { registeredWebhookDetail } from '../store/redis-registered-webhook.js';
import { webhookLastSeen } from '../store/webhook-seen.js';
import { type DoctorCheck, fail, guarded, pass } from './doctor-check.js';

/** Without AOF a Redis restart loses the outbox, the cursors and the decisions made since the last snapshot. */
export function checkRedisPersistence(redis: Redis): Promise<DoctorCheck[]> {
  const name = 'Redis persistence (AOF)';
  return guarded(name, 'check REDIS_URL and that Redis is running', async () => {
    const info = await redis.info('persistence');
    if (/^aof_enabled:1\b/m.test(info)) return pass(name, 'append-only file is on');
    return fail(name, 'append-only file is off: a Redis restart can lose queued messages and decisions', 'set "appendonly yes" in redis.conf (or run redis-server --appendonly yes; docker-compose.yml does) and restart Redis, or run CONFIG SET appendonly yes');
  });
}

/** The Jira webhook keeps answers fresh between syncs; doctor checks it is set up and arriving. */
export async function checkJiraWebhook(redis: Redis, prefix: string, secret: string | undefined, now: Date): Promise<DoctorCheck[]> {
  const name = 'Jira webhook';
  const register = 'in Jira → System → WebHooks, create a webhook to https://<your who-owns host>/webhooks/jira with the secret JIRA_WEBHOOK_SECRET, for issue created, updated and deleted events';
  if (!secret) return [fail(name, 'JIRA_WEBHOOK_SECRET is not set, so who-owns learns of changes only at the next sync', `set JIRA_WEBHOOK_SECRET; then ${register}`)];
  return guarded(name, 'check REDIS_URL and REDIS_PREFIX', async () => {
    const seen = await webhookLastSeen(redis, prefix);
    if (!seen) return fail(name, 'no signed delivery has arrived yet', `${register}; then change any issue and run doctor again`);
    const hours = Math.round((now.getTime() - seen.getTime()) / 3_600_000);
    return pass(name, `last signed delivery ${seen.toISOString()} (${hours} h ago)`);
  });
}

const WEEK_MS = 7 * 24 * 3600_000;

/** The webhook registered through Jira's REST API (JIRA_WEBHOOK_URL) lives only while the worker refreshes it. */
export async function checkRegisteredWebhook(registered: RegisteredWebhookStore, now: Date): Promise<DoctorCheck[]> {
  const name = 'Jira webhook registration (REST API)';
  return guarded(name, 'check REDIS_URL and REDIS_PREFIX', async () => {
    const state = await registered.read();
    if (!state) return fail(name, 'not registered yet', 'run `npx who-owns start` (or `work`): the worker registers the webhook at start and refreshes it daily');
    const fix = 'check that JIRA_OAUTH_TOKEN is a current token of a Jira Cloud OAuth 2.0 app with the manage:jira-webhook scope, and that JIRA_WEBHOOK_URL is reachable from Jira';
    if (state.error) return fail(name, registeredWebhookDetail(state), fix);
    if (Date.parse(state.expiresAt) - now.getTime() < WEEK_MS) return fail(name, `${registeredWebhookDetail(state)}: less than a week left`, `${fix}; the worker refreshes it daily`);
    return pass(name, registeredWebhookDetail(state));
  });
}
