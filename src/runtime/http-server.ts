import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.js';
import { metrics } from '../metrics.js';
import type { ReadinessCheck } from './readiness.js';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse, log: Logger) => void | Promise<void>;

export interface HttpServerOptions {
  logger: Logger;
  readiness: () => Promise<{ ready: boolean; checks: ReadinessCheck[] }>;
  /** Bolt's receiver listener for `/slack/events` (and interactivity, options). */
  slack?: RequestHandler;
  /** Handler for `POST /webhooks/jira`. */
  jiraWebhook?: RequestHandler;
}

export interface HttpServer {
  server: Server;
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting connections, lets in-flight requests finish, closes idle keep-alives. */
  close(): Promise<void>;
  /** True once close() was called. */
  draining(): boolean;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * One HTTP server for the whole process: Slack events, Jira webhooks, health and metrics.
 * A request id (from `x-request-id` or fresh) tags every log line about the request.
 */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  let closing = false;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const requestId = (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].slice(0, 64)) || randomUUID();
    const log = options.logger.child({ reqId: requestId, method: req.method, path });
    res.setHeader('x-request-id', requestId);
    if (closing) res.setHeader('connection', 'close');

    if (path === '/healthz') return sendJson(res, 200, { status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
    if (path === '/readyz') {
      const result = await options.readiness();
      return sendJson(res, result.ready ? 200 : 503, { status: result.ready ? 'ready' : 'not ready', checks: result.checks });
    }
    if (path === '/metrics') {
      const body = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(body);
      return;
    }
    if (closing) return sendJson(res, 503, { error: 'shutting down; retry on another instance' });
    if (path.startsWith('/slack/')) {
      if (!options.slack) return sendJson(res, 404, { error: 'Slack is not configured here: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET' });
      return options.slack(req, res, log);
    }
    if (path === '/webhooks/jira') {
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'use POST' });
      if (!options.jiraWebhook) return sendJson(res, 404, { error: 'Jira webhooks are not handled by this version' });
      return options.jiraWebhook(req, res, log);
    }
    return sendJson(res, 404, { error: 'not found', endpoints: ['/slack/events', '/webhooks/jira', '/healthz', '/readyz', '/metrics'] });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      options.logger.error({ err: error, path: req.url }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
  // Slack retries after 3 s; keep slow clients from pinning sockets forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  return {
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    close() {
      closing = true;
      return new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
    draining: () => closing,
  };
}
