import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { registerListeners } from './register-listeners.js';
import { guardSlackRequests } from './request-guard.js';
import type { SlackAppDeps } from './slack-app-deps.js';

export interface SlackApp {
  app: App;
  /** The HTTP receiver (absent in Socket Mode). */
  receiver?: HTTPReceiver;
  /**
   * Node request handler for POST /slack/events (commands, interactivity, events): signature,
   * replay and retry checks, then Bolt. Mount it on the process's HTTP server.
   */
  handler(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Listens on its own port (HTTP) or connects (Socket Mode). Not needed when `handler` is mounted. */
  start(port?: number): Promise<void>;
  stop(): Promise<void>;
}

/** The who-owns Slack app: `/who-owns`, decision buttons, App Home, and features' listeners. */
export function createSlackApp(deps: SlackAppDeps): SlackApp {
  const clientOptions = { ...(deps.slackApiUrl ? { slackApiUrl: deps.slackApiUrl } : {}), ...(deps.slackRetries !== undefined ? { retryConfig: { retries: deps.slackRetries } } : {}) };
  const ids = deps.botId && deps.botUserId ? { botId: deps.botId, botUserId: deps.botUserId } : { tokenVerificationEnabled: false };
  let app: App;
  let receiver: HTTPReceiver | undefined;
  if (deps.appToken) {
    app = new App({ token: deps.botToken, appToken: deps.appToken, socketMode: true, clientOptions, logLevel: LogLevel.WARN, ...ids });
  } else {
    receiver = new HTTPReceiver({ signingSecret: deps.signingSecret, endpoints: '/slack/events', logLevel: LogLevel.ERROR });
    app = new App({ token: deps.botToken, receiver, clientOptions, logLevel: LogLevel.ERROR, ...ids });
  }
  app.error(async (error) => {
    deps.logger?.warn({ err: error.message }, 'Slack listener failed');
  });
  registerListeners(app, deps);
  const bolt = receiver;
  const guarded = guardSlackRequests({
    signingSecret: deps.signingSecret,
    seen: deps.seen,
    ...(deps.nowMs ? { now: deps.nowMs } : {}),
    next: (req, res) => {
      if (!bolt) {
        res.writeHead(404).end();
        return;
      }
      try {
        bolt.requestListener(req, res);
      } catch (error) {
        if ((error as { code?: string }).code !== 'slack_bolt_http_receiver_deferred_request_error') throw error;
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'not a Slack endpoint; Slack posts to /slack/events' }));
      }
    },
  });
  return {
    app,
    ...(receiver ? { receiver } : {}),
    handler: guarded,
    async start(port = 3000) {
      await app.start(port);
    },
    async stop() {
      await app.stop();
    },
  };
}
