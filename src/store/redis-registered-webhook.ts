import type { RegisteredWebhookState, RegisteredWebhookStore } from '../ports.js';
import { RedisKeyspace } from './keyspace.js';

/** The registered webhook's state, one JSON value under `{prefix}:jira-webhook:registered`. */
export class RedisRegisteredWebhook extends RedisKeyspace implements RegisteredWebhookStore {
  protected readonly area = 'jira-webhook';

  async read(): Promise<RegisteredWebhookState | undefined> {
    const value = await this.redis.get(this.key('registered'));
    return value ? (JSON.parse(value) as RegisteredWebhookState) : undefined;
  }

  async save(state: RegisteredWebhookState): Promise<void> {
    await this.redis.set(this.key('registered'), JSON.stringify(state));
  }
}

/** The registered webhook in words, as `/readyz` and `doctor` show it. */
export function registeredWebhookDetail(state: RegisteredWebhookState | undefined): string {
  if (!state) return 'webhook registration through the REST API not done yet (the worker registers it at start)';
  if (state.error) return `registering or refreshing the webhook failed at ${state.error.at}: ${state.error.message}${state.expiresAt ? `; the registered one expires ${state.expiresAt}` : ''}`;
  return `registered webhook ${state.ids.join(', ')} for ${state.jqlFilter} expires ${state.expiresAt} (refreshed ${state.refreshedAt})`;
}
