import type { HTTPReceiver } from '@slack/bolt';
import type { RequestHandler } from './http-server.js';

/**
 * Mounts a Bolt HTTPReceiver on our own HTTP server instead of letting it listen itself:
 * one port serves Slack, Jira webhooks, health and metrics. Bolt verifies the signature and
 * the timestamp of every request and answers 401 to forged or stale ones.
 */
export function boltRequestHandler(receiver: HTTPReceiver): RequestHandler {
  return (req, res, log) => {
    try {
      return receiver.requestListener(req, res);
    } catch (error) {
      // Bolt throws for paths it does not serve (e.g. GET /slack/events) so the host can route them.
      if ((error as { code?: string }).code === 'slack_bolt_http_receiver_deferred_request_error') {
        log.debug({ path: req.url }, 'not a Slack endpoint');
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'not a Slack endpoint; Slack posts to /slack/events' }));
        return;
      }
      throw error;
    }
  };
}
