import type { Redis } from 'ioredis';

/** The webhook who-owns registered through Jira's REST API, and how keeping it alive went. */
export interface RegisteredWebhookState {
  ids: number[];
  /** What it was registered for: a change of either registers again. */
  url: string;
  jqlFilter: string;
  expiresAt: string;
  refreshedAt: string;
  /** The last registration or refresh failure, cleared by the next success. */
  error?: { message: string; at: string };
}

function key(prefix: string): string {
  return `${prefix}:jira-webhook:registered`;
}

export async function readRegisteredWebhook(redis: Redis, prefix: string): Promise<RegisteredWebhookState | undefined> {
  const value = await redis.get(key(prefix));
  return value ? (JSON.parse(value) as RegisteredWebhookState) : undefined;
}

export async function saveRegisteredWebhook(redis: Redis, prefix: string, state: RegisteredWebhookState): Promise<void> {
  await redis.set(key(prefix), JSON.stringify(state));
}

/** The registered webhook in words, as `/readyz` and `doctor` show it. */
export function registeredWebhookDetail(state: RegisteredWebhookState | undefined): string {
  if (!state) return 'webhook registration through the REST API not done yet (the worker registers it at start)';
  if (state.error) return `registering or refreshing the webhook failed at ${state.error.at}: ${state.error.message}${state.expiresAt ? `; the registered one expires ${state.expiresAt}` : ''}`;
  return `registered webhook ${state.ids.join(', ')} for ${state.jqlFilter} expires ${state.expiresAt} (refreshed ${state.refreshedAt})`;
}
