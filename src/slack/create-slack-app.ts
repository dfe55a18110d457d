import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import type { SeenSignatures } from '../ports.js';
import type { BotIdentity } from './bot-identity.js';
import { guardSlackRequests } from './request-guard.js';

/** Registers a feature's listeners (commands, actions, views, events) on the app. */
export type SlackListeners = (app: App) => void;

export interface SlackAppLogger {
  warn(obj: object, msg: string): void;
}

export interface SlackAppOptions {
  signingSecret: string;
  botToken: string;
  /** The bot's ids, found once at start-up; read at each request, never fetched by one. */
  identity: BotIdentity;
  /** Socket Mode instead of HTTP when set (SLACK_APP_TOKEN, xapp-…). */
  appToken?: string;
  /** SLACK_API_URL: the Web API base, e.g. a proxy or a test server. */
  slackApiUrl?: string;
  /** Web API retries of the listeners' client (tests: 0). */
  slackRetries?: number;
  seen: SeenSignatures;
  listeners: readonly SlackListeners[];
  /** Clock for the signature window, in ms (tests). */
  nowMs?: () => number;
  logger?: SlackAppLogger;
}

export interface SlackApp {
  app: App;
  /**
   * Node request handler for POST /slack/events (commands, interactivity, events): signature,
   * replay and retry checks, then Bolt. Mount it on the process's HTTP server.
   */
  handler(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Connects in Socket Mode; an HTTP app is served through `handler` instead. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The who-owns Slack app with the listeners of every feature. */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const clientOptions = { ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}), ...(options.slackRetries !== undefined ? { retryConfig: { retries: options.slackRetries } } : {}) };
  // One workspace, one token: authorising a request is a lookup, never an auth.test round trip.
  const authorize = async () => ({ botToken: options.botToken, ...(options.identity.botId ? { botId: options.identity.botId } : {}), ...(options.identity.botUserId ? { botUserId: options.identity.botUserId } : {}) });
  let receiver: HTTPReceiver | undefined;
  let app: App;
  if (options.appToken) {
    app = new App({ authorize, appToken: options.appToken, socketMode: true, clientOptions, logLevel: LogLevel.WARN });
  } else {
    receiver = new HTTPReceiver({ signingSecret: options.signingSecret, endpoints: '/slack/events', logLevel: LogLevel.ERROR });
    app = new App({ authorize, receiver, clientOptions, logLevel: LogLevel.ERROR });
  }
  app.error(async (error) => {
    options.logger?.warn({ err: error.message }, 'Slack listener failed');
  });
  for (const register of options.listeners) register(app);
  const bolt = receiver;
  const guarded = guardSlackRequests({
    signingSecret: options.signingSecret,
    seen: options.seen,
    ...(options.nowMs ? { now: options.nowMs } : {}),
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
    handler: guarded,
    async start() {
      if (options.appToken) await app.start();
    },
    async stop() {
      if (options.appToken) await app.stop();
    },
  };
}
