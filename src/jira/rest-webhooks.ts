import type { Version3Client } from 'jira.js';
import type { JiraWebhooks } from '../ports.js';
import type { JiraClients } from './jira-clients.js';
import { jqlList } from './jql.js';
import { withDeliveryToken } from './webhook.js';

/**
 * Webhooks registered through Jira Cloud's REST API (`/rest/api/3/webhook`), which only OAuth
 * 2.0 and Connect apps may call. Jira expires them 30 days after registration or the last
 * `PUT /rest/api/3/webhook/refresh`.
 */
export const WEBHOOK_EVENTS = ['jira:issue_created', 'jira:issue_updated', 'jira:issue_deleted'];

function cloud(clients: JiraClients): Version3Client {
  return clients.platform as Version3Client;
}

/** Registers one webhook for `jqlFilter`; returns its id, or throws with Jira's reasons. */
async function registerWebhook(clients: JiraClients, url: string, jqlFilter: string): Promise<number> {
  const answer = await clients.gate.run('register webhook', () => cloud(clients).webhooks.registerDynamicWebhooks({ url, webhooks: [{ events: WEBHOOK_EVENTS, jqlFilter }] }), { write: true });
  const [result] = answer.webhookRegistrationResult ?? [];
  if (result?.createdWebhookId === undefined) throw new Error(`Jira did not register the webhook: ${result?.errors?.join('; ') || 'no reason given'}`);
  return result.createdWebhookId;
}

/** Extends the webhooks' life; returns when they now expire. */
async function refreshWebhooks(clients: JiraClients, ids: number[]): Promise<Date> {
  const answer = await clients.gate.run('refresh webhooks', () => cloud(clients).webhooks.refreshWebhooks({ webhookIds: ids }), { write: true });
  const expires = new Date(String(answer.expirationDate).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  if (Number.isNaN(expires.getTime())) throw new Error(`Jira answered the refresh without an expiration date (${String(answer.expirationDate)})`);
  return expires;
}

async function deleteWebhooks(clients: JiraClients, ids: number[]): Promise<void> {
  await clients.gate.run('delete webhooks', () => cloud(clients).webhooks.deleteWebhookById({ webhookIds: ids }), { write: true });
}

/**
 * The install's registered webhooks. A registered webhook may filter on project, issue type,
 * status… with `=` and `IN`; the URL Jira calls carries a token derived from the secret.
 */
export function createJiraWebhooks(clients: JiraClients, secret: string): JiraWebhooks {
  return {
    filterFor: (projects) => `project IN ${jqlList(projects)}`,
    register: (url, filter) => registerWebhook(clients, withDeliveryToken(url, secret), filter),
    refresh: (ids) => refreshWebhooks(clients, ids),
    delete: (ids) => deleteWebhooks(clients, ids),
  };
}
