import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Json, readBody, type SampleSite, send } from './sample-site.js';

/**
 * Webhooks an app registers through the REST API (`/rest/api/3/webhook`), as Jira Cloud keeps
 * them: only OAuth 2.0 and Connect apps (a bearer token here) may register, one URL per app,
 * a JQL filter of the few clauses Jira supports, and each webhook expires 30 days after it was
 * registered or last refreshed (`PUT /rest/api/3/webhook/refresh`).
 */
export interface RegisteredWebhook {
  id: number;
  url: string;
  jqlFilter: string;
  events: string[];
  expirationDate: Date;
}

const LIFETIME_MS = 30 * 24 * 3600_000;
/** The fields a webhook's JQL filter may use (Jira answers "The clause … is unsupported" for others). */
const FILTER_FIELDS = /^(issueKey|project|issuetype|status|assignee|reporter|issue\.property\[[^\]]+\]\.[\w.]+|cf\[\d+\])\s*(=|!=|\bIN\b|\bNOT IN\b)/i;

function unsupportedClause(jql: string): string | undefined {
  const clauses = jql.split(/\s+(?:AND|OR)\s+/i).map((c) => c.trim().replace(/^\(+/, ''));
  const bad = clauses.find((c) => !FILTER_FIELDS.test(c));
  return bad === undefined ? undefined : (bad.split(/\s/)[0] ?? bad);
}

function expirationOf(webhook: RegisteredWebhook): string {
  return webhook.expirationDate.toISOString().replace('Z', '+0000');
}

export async function handleWebhooks(site: SampleSite, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  if (path !== '/rest/api/3/webhook' && path !== '/rest/api/3/webhook/refresh') return false;
  if (!/^Bearer /i.test(req.headers.authorization ?? '')) return send(res, 403, { errorMessages: ['Only Connect and OAuth 2.0 apps can use this operation.'], errors: {} });
  const now = site.now?.() ?? new Date();
  site.webhooks ??= [];
  const webhooks = site.webhooks;
  if (path === '/rest/api/3/webhook/refresh' && req.method === 'PUT') {
    const ids = new Set(((await readBody(req)).webhookIds as number[] | undefined) ?? []);
    const expirationDate = new Date(now.getTime() + LIFETIME_MS);
    // Ids not found (or another app's) are ignored, as Jira does.
    for (const webhook of webhooks) if (ids.has(webhook.id)) webhook.expirationDate = expirationDate;
    return send(res, 200, { expirationDate: expirationDate.toISOString().replace('Z', '+0000') });
  }
  if (req.method === 'GET') {
    const values = webhooks.map((w) => ({ id: w.id, url: w.url, jqlFilter: w.jqlFilter, events: w.events, expirationDate: expirationOf(w) }));
    return send(res, 200, { startAt: 0, maxResults: 100, total: values.length, isLast: true, values });
  }
  if (req.method === 'DELETE') {
    const ids = new Set(((await readBody(req)).webhookIds as number[] | undefined) ?? []);
    site.webhooks = webhooks.filter((w) => !ids.has(w.id));
    res.writeHead(202).end();
    return true;
  }
  if (req.method !== 'POST') return false;
  const request = await readBody(req);
  const url = String(request.url ?? '');
  if (webhooks.some((w) => w.url !== url)) return send(res, 400, { errorMessages: ['Only a single URL per app is allowed to be registered.'], errors: {} });
  const results = ((request.webhooks as Json[] | undefined) ?? []).map((details) => {
    const jqlFilter = String(details.jqlFilter ?? '');
    const unsupported = unsupportedClause(jqlFilter);
    if (unsupported) return { errors: [`The clause ${unsupported} is unsupported`] };
    site.webhooksRegistered = (site.webhooksRegistered ?? 0) + 1;
    const id = 10_000 + site.webhooksRegistered;
    webhooks.push({ id, url, jqlFilter, events: ((details.events as string[] | undefined) ?? []).map(String), expirationDate: new Date(now.getTime() + LIFETIME_MS) });
    return { createdWebhookId: id };
  });
  return send(res, 200, { webhookRegistrationResult: results });
}
