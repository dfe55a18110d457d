import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBodyUpTo } from '../http-body.js';
import type { WebhookRefresh } from '../ports.js';

/** Jira admin webhooks with a secret sign the raw body: `X-Hub-Signature: sha256=<hex HMAC>`. */
export function verifyJiraSignature(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  if (!header) return false;
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match?.[1]) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(match[1], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Webhooks an app registers through the REST API are not signed: the URL Jira calls carries
 * a token derived from the secret instead (never the secret itself).
 */
export function deliveryToken(secret: string): string {
  return createHmac('sha256', secret).update('who-owns registered webhook').digest('hex');
}

export function withDeliveryToken(url: string, secret: string): string {
  const withToken = new URL(url);
  withToken.searchParams.set('token', deliveryToken(secret));
  return withToken.toString();
}

function carriesDeliveryToken(req: IncomingMessage, secret: string): boolean {
  const given = Buffer.from(new URL(req.url ?? '/', 'http://localhost').searchParams.get('token') ?? '');
  const expected = Buffer.from(deliveryToken(secret));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Reads the issue keys a Jira webhook payload is about; null for events who-owns ignores. */
export function refreshFromPayload(payload: unknown): WebhookRefresh | null {
  if (!payload || typeof payload !== 'object') return null;
  const p = payload as { webhookEvent?: unknown; timestamp?: unknown; issue?: { key?: unknown } };
  const event = typeof p.webhookEvent === 'string' ? p.webhookEvent : '';
  const key = typeof p.issue?.key === 'string' ? p.issue.key : undefined;
  if (!key || !/^jira:issue_(created|updated|deleted)$|^comment_|^issuelink_/.test(event)) return null;
  const at = typeof p.timestamp === 'number' || typeof p.timestamp === 'string' ? String(p.timestamp) : '0';
  return { keys: [key], deliveryId: `${event.replace(/[^a-z_]/gi, '')}-${key}-${at}`, event };
}

const MAX_BODY = 1024 * 1024;

function reply(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Deliveries already handled, by Jira's delivery identifier. */
export interface WebhookDeliveryLog {
  claim(identifier: string, at: Date): Promise<boolean>;
  release(identifier: string): Promise<void>;
}

/**
 * `POST /webhooks/jira`: verifies the signature (admin webhooks) or the delivery token in the
 * URL (webhooks registered through the REST API), then hands the refresh to the queue. Other
 * deliveries get 401 and change nothing. A delivery Jira retries carries the
 * same `X-Atlassian-Webhook-Identifier`; it is answered 200 and handled once.
 */
export function createJiraWebhookHandler(options: { secret: string; enqueue: (refresh: WebhookRefresh) => Promise<void>; deliveries?: WebhookDeliveryLog; now?: () => Date }) {
  return async function handleJiraWebhook(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return reply(res, 405, { error: 'POST only' });
    const raw = await readBodyUpTo(req, MAX_BODY);
    if (!raw) return reply(res, 413, { error: 'payload too large' });
    const signature = req.headers['x-hub-signature'];
    if (!verifyJiraSignature(raw, Array.isArray(signature) ? signature[0] : signature, options.secret) && !carriesDeliveryToken(req, options.secret)) {
      return reply(res, 401, { error: 'invalid or missing X-Hub-Signature (or delivery token)' });
    }
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString('utf8'));
    } catch {
      return reply(res, 400, { error: 'body is not JSON' });
    }
    const header = req.headers['x-atlassian-webhook-identifier'];
    const identifier = (Array.isArray(header) ? header[0] : header)?.slice(0, 200);
    if (identifier && options.deliveries && !(await options.deliveries.claim(identifier, options.now?.() ?? new Date()))) {
      return reply(res, 200, { duplicate: true });
    }
    const refresh = refreshFromPayload(payload);
    if (!refresh) return reply(res, 202, { ignored: true });
    try {
      await options.enqueue(refresh);
    } catch (error) {
      // Not queued: let Jira's retry of this delivery through.
      if (identifier) await options.deliveries?.release(identifier);
      throw error;
    }
    reply(res, 202, { queued: refresh.keys });
  };
}
