import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { manifestBotScopes } from '../../src/slack/manifest-scopes.js';
import { type ConversationKind, scopesFor } from './slack-method-scopes.js';
import { messageRefusal, viewRefusal } from './slack-message-limits.js';

/**
 * A Slack Web API on loopback: answers the methods who-owns calls with the envelopes Slack
 * documents (`{ ok: true, … }` / `{ ok: false, error }`), records every call, and can enforce
 * Slack's per-channel pacing or inject 429s. Like Slack, it refuses a call the token's scopes do
 * not cover (`missing_scope`, scopes from Slack's OpenAPI spec) and a post into a channel the bot
 * is not in (`not_in_channel`), and a message or view past Slack's limits (`invalid_blocks`,
 * `msg_too_long`, `invalid_arguments`). Point `SLACK_API_URL` at `apiUrl`.
 */
export interface SlackCall {
  method: string;
  /** Parsed body: JSON or form-encoded (Slack SDKs send both). */
  body: Record<string, unknown>;
  headers: IncomingMessage['headers'];
  at: number;
}

export interface FakeSlackOptions {
  /** Minimum milliseconds between chat.postMessage calls in one channel (Slack: ~1000). */
  perChannelIntervalMs?: number;
  /** Share of calls answered 429 at random (0..1). */
  rateLimitShare?: number;
  retryAfterSeconds?: number;
  /** Deterministic randomness for 429 injection. */
  seed?: number;
  /** Per-user data for users.info and dnd.info. */
  users?: Record<string, { tz?: string; dndEnabled?: boolean; nextDndEndTs?: number; name?: string; email?: string }>;
  /** Message ts from the wall clock (as Slack does), so `oldest` in conversations.history works. */
  clockTs?: boolean;
  /** The bot token's scopes; default: what manifest.yaml grants. */
  scopes?: string[];
  /** Channels the bot is a member of; default: every channel (DMs always). */
  joinedChannels?: string[];
  /** `C…` channels that are private (`G…` ones always are). */
  privateChannels?: string[];
  /** Channel names for conversations.list and conversations.info (default: the id in lower case). */
  channelNames?: Record<string, string>;
}

/** A call Slack refused before doing anything (missing scope, bot not in the channel). */
export interface SlackRefusal {
  method: string;
  body: Record<string, unknown>;
  error: string;
  needed?: string;
}

const LIMITED_MESSAGES = new Set(['chat.postMessage', 'chat.update', 'chat.postEphemeral']);
const LIMITED_VIEWS = new Set(['views.publish', 'views.open', 'views.update']);

export type MethodHandler = (body: Record<string, unknown>, call: SlackCall) => Record<string, unknown> | undefined;

export interface FakeSlackApi {
  /** Base URL ending in `/api/`, as WebClient's slackApiUrl expects. */
  apiUrl: string;
  /** Base URL for response_url endpoints: `${origin}/response/<id>`. */
  origin: string;
  calls: SlackCall[];
  /** Calls to one method (e.g. `chat.postMessage`). */
  callsTo(method: string): SlackCall[];
  /** Bodies posted to a response_url id. */
  responses(id: string): Record<string, unknown>[];
  /** Messages currently in a channel (after edits), in post order. */
  channelMessages(channel: string): { ts: string; text: string; blocks?: unknown; thread_ts?: string; metadata?: unknown }[];
  /** Number of 429s answered so far. */
  rateLimited: number;
  /** Calls refused for scope or membership (not in `calls`: nothing happened). */
  refusals: SlackRefusal[];
  /** Overrides or adds a method's answer. */
  on(method: string, handler: MethodHandler): void;
  options: FakeSlackOptions;
  reset(): void;
  close(): Promise<void>;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const form = Object.fromEntries(new URLSearchParams(raw)) as Record<string, unknown>;
  // WebClient form-encodes objects and arrays as JSON strings.
  for (const key of ['blocks', 'attachments', 'view', 'metadata']) {
    if (typeof form[key] === 'string') {
      try {
        form[key] = JSON.parse(form[key] as string);
      } catch {
        /* keep the string */
      }
    }
  }
  return form;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The kinds of conversation a call names, which decide the scope Slack checks. */
function conversationsNamed(method: string, body: Record<string, unknown>, privateChannels: Set<string>): ConversationKind[] {
  if (method === 'conversations.open' && body.users) return String(body.users).includes(',') ? ['mpim'] : ['im'];
  if (method === 'conversations.list' || method === 'users.conversations') {
    const kinds: Record<string, ConversationKind> = { public_channel: 'public', private_channel: 'private', im: 'im', mpim: 'mpim' };
    return String(body.types ?? 'public_channel').split(',').map((t) => kinds[t.trim()] ?? 'public');
  }
  return [channelKind(String(body.channel ?? ''), privateChannels)];
}

function channelKind(channel: string, privateChannels: Set<string>): ConversationKind {
  if (/^[DUW]/.test(channel)) return 'im';
  return channel.startsWith('G') || privateChannels.has(channel) ? 'private' : 'public';
}

/** Methods that act in a channel and so need the bot to be a member of it. */
const MEMBER_METHODS = new Set(['chat.postMessage', 'chat.update', 'conversations.history', 'conversations.replies']);

export async function startFakeSlackApi(options: FakeSlackOptions = {}): Promise<FakeSlackApi> {
  const calls: SlackCall[] = [];
  const responseBodies = new Map<string, Record<string, unknown>[]>();
  const channels = new Map<string, { ts: string; text: string; blocks?: unknown; thread_ts?: string; metadata?: unknown }[]>();
  const lastPost = new Map<string, number>();
  const handlers = new Map<string, MethodHandler>();
  let tsCounter = 0;
  let random = mulberry32(options.seed ?? 42);
  const granted = new Set(options.scopes ?? manifestBotScopes());
  const privateChannels = new Set(options.privateChannels ?? []);
  const joined = options.joinedChannels ? new Set(options.joinedChannels) : undefined;

  /** Slack's refusal of a call before it does anything, or undefined when the call may proceed. */
  const refuse = (method: string, body: Record<string, unknown>): Record<string, unknown> | undefined => {
    for (const kind of conversationsNamed(method, body, privateChannels)) {
      const anyOf = scopesFor(method, kind);
      if (anyOf.length > 0 && !anyOf.some((s) => granted.has(s))) return { ok: false, error: 'missing_scope', needed: anyOf.join(','), provided: [...granted].join(',') };
    }
    const channel = String(body.channel ?? '');
    if (!joined || !MEMBER_METHODS.has(method) || /^[DUW]/.test(channel) || joined.has(channel)) return undefined;
    const kind = channelKind(channel, privateChannels);
    // A private channel the bot is not in does not exist for it.
    if (kind === 'private') return { ok: false, error: 'channel_not_found' };
    if (method === 'chat.postMessage' && granted.has('chat:write.public')) return undefined;
    return { ok: false, error: 'not_in_channel' };
  };

  const clockTs = () => {
    const now = Date.now();
    return `${Math.floor(now / 1000)}.${String((now % 1000) * 1000 + (++tsCounter % 1000)).padStart(6, '0')}`;
  };
  const nextTs = () => options.clockTs ? clockTs() : `${1_700_000_000 + Math.floor(tsCounter / 1000)}.${String(++tsCounter % 1_000_000).padStart(6, '0')}`;

  const builtins: Record<string, MethodHandler> = {
    'auth.test': () => ({ ok: true, url: 'https://acme.slack.com/', team: 'Acme', user: 'who-owns', team_id: 'T0ACME', user_id: 'U0WHOOWNS', bot_id: 'B0WHOOWNS' }),
    'chat.postMessage': (body) => {
      const channel = String(body.channel);
      const ts = nextTs();
      const message = { ts, text: String(body.text ?? ''), blocks: body.blocks, thread_ts: body.thread_ts as string | undefined, metadata: body.metadata };
      channels.set(channel, [...(channels.get(channel) ?? []), message]);
      return { ok: true, channel, ts, message: { type: 'message', text: message.text, ts } };
    },
    'chat.update': (body) => {
      const channel = String(body.channel);
      const existing = channels.get(channel)?.find((m) => m.ts === body.ts);
      if (!existing) return { ok: false, error: 'message_not_found' };
      existing.text = String(body.text ?? existing.text);
      existing.blocks = body.blocks ?? existing.blocks;
      return { ok: true, channel, ts: body.ts, text: existing.text };
    },
    // Newest first, top-level messages only, metadata only with include_all_metadata (as Slack does).
    'conversations.history': (body) => {
      const oldest = Number(body.oldest ?? 0);
      const withMeta = String(body.include_all_metadata) === 'true';
      const messages = (channels.get(String(body.channel)) ?? [])
        .filter((m) => (!m.thread_ts || m.thread_ts === m.ts) && Number(m.ts) >= oldest)
        .reverse()
        .map((m) => ({ type: 'message', ts: m.ts, text: m.text, ...(withMeta && m.metadata ? { metadata: m.metadata } : {}) }));
      return { ok: true, messages, has_more: false };
    },
    'conversations.replies': (body) => {
      const parent = String(body.ts);
      const withMeta = String(body.include_all_metadata) === 'true';
      const messages = (channels.get(String(body.channel)) ?? [])
        .filter((m) => m.ts === parent || m.thread_ts === parent)
        .map((m) => ({ type: 'message', ts: m.ts, text: m.text, thread_ts: parent, ...(withMeta && m.metadata ? { metadata: m.metadata } : {}) }));
      return { ok: true, messages, has_more: false };
    },
    'chat.postEphemeral': () => ({ ok: true, message_ts: nextTs() }),
    'conversations.open': (body) => ({ ok: true, channel: { id: `D${String(body.users ?? 'X').replace(/^U/, '')}` } }),
    'users.info': (body) => {
      const id = String(body.user);
      const user = options.users?.[id];
      return { ok: true, user: { id, name: user?.name ?? id.toLowerCase(), tz: user?.tz ?? 'UTC', tz_offset: 0, is_bot: false } };
    },
    'conversations.info': (body) => {
      const id = String(body.channel);
      const isPrivate = channelKind(id, privateChannels) === 'private';
      const member = !joined || joined.has(id);
      // A private channel the bot is not in does not exist for it.
      if (isPrivate && !member) return { ok: false, error: 'channel_not_found' };
      return { ok: true, channel: { id, name: options.channelNames?.[id] ?? id.toLowerCase(), is_channel: true, is_private: isPrivate, is_archived: false, is_member: member } };
    },
    // The workspace's channels the token may see: public ones, and private ones the bot is in.
    'conversations.list': (body) => {
      const types = String(body.types ?? 'public_channel').split(',');
      const listed = Object.entries(options.channelNames ?? {})
        .map(([id, name]) => ({ id, name, isPrivate: channelKind(id, privateChannels) === 'private', member: !joined || joined.has(id) }))
        .filter((c) => (c.isPrivate ? types.includes('private_channel') && c.member : types.includes('public_channel')))
        .map((c) => ({ id: c.id, name: c.name, is_channel: true, is_private: c.isPrivate, is_archived: false, is_member: c.member }));
      return { ok: true, channels: listed, response_metadata: { next_cursor: '' } };
    },
    'users.lookupByEmail': (body) => {
      const email = String(body.email ?? '').toLowerCase();
      const found = Object.entries(options.users ?? {}).find(([, u]) => u.email?.toLowerCase() === email);
      if (!found) return { ok: false, error: 'users_not_found' };
      const [id, user] = found;
      return { ok: true, user: { id, name: user.name ?? id.toLowerCase(), tz: user.tz ?? 'UTC', is_bot: false, deleted: false, profile: { email: user.email } } };
    },
    'dnd.info': (body) => {
      const user = options.users?.[String(body.user)];
      return { ok: true, dnd_enabled: Boolean(user?.dndEnabled), snooze_enabled: Boolean(user?.dndEnabled), next_dnd_end_ts: user?.nextDndEndTs ?? 0 };
    },
    'views.publish': () => ({ ok: true, view: { id: 'V0HOME' } }),
    'views.open': () => ({ ok: true, view: { id: 'V0MODAL' } }),
    'views.update': () => ({ ok: true, view: { id: 'V0MODAL' } }),
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = parseBody(raw, req.headers['content-type']);
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', 'x-oauth-scopes': [...granted].join(','), ...headers });
        res.end(JSON.stringify(payload));
      };
      if (url.pathname.startsWith('/response/')) {
        const id = url.pathname.slice('/response/'.length);
        const tooBig = messageRefusal(body);
        if (tooBig) {
          // Slack answers a response_url post it refuses with HTTP 400 and the error as text.
          api.refusals.push({ method: 'response_url', body, error: tooBig });
          res.writeHead(400, { 'content-type': 'text/plain' }).end(tooBig);
          return;
        }
        responseBodies.set(id, [...(responseBodies.get(id) ?? []), body]);
        send(200, { ok: true });
        return;
      }
      const method = url.pathname.replace(/^\/api\//, '');
      const call: SlackCall = { method, body, headers: req.headers, at: Date.now() };
      const retryAfter = String(options.retryAfterSeconds ?? 1);
      if (options.rateLimitShare && random() < options.rateLimitShare) {
        api.rateLimited++;
        send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': retryAfter });
        return;
      }
      if (method === 'chat.postMessage' && options.perChannelIntervalMs) {
        const channel = String(body.channel);
        const last = lastPost.get(channel);
        const now = Date.now();
        if (last !== undefined && now - last < options.perChannelIntervalMs) {
          api.rateLimited++;
          send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(Math.ceil((options.perChannelIntervalMs - (now - last)) / 1000)) });
          return;
        }
        lastPost.set(channel, now);
      }
      const limit = LIMITED_MESSAGES.has(method) ? messageRefusal(body) : LIMITED_VIEWS.has(method) ? viewRefusal(body) : undefined;
      const refusal = limit ? { ok: false, error: limit } : refuse(method, body);
      if (refusal) {
        api.refusals.push({ method, body, error: String(refusal.error), ...(refusal.needed ? { needed: String(refusal.needed) } : {}) });
        send(200, refusal);
        return;
      }
      calls.push(call);
      const handler = handlers.get(method) ?? builtins[method];
      const answer = handler?.(body, call) ?? builtins[method]?.(body, call) ?? { ok: false, error: 'unknown_method' };
      send(200, answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const api: FakeSlackApi = {
    apiUrl: `${origin}/api/`,
    origin,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    responses: (id) => responseBodies.get(id) ?? [],
    channelMessages: (channel) => channels.get(channel) ?? [],
    rateLimited: 0,
    refusals: [],
    on: (method, handler) => handlers.set(method, handler),
    options,
    reset() {
      calls.length = 0;
      responseBodies.clear();
      channels.clear();
      lastPost.clear();
      handlers.clear();
      api.rateLimited = 0;
      api.refusals.length = 0;
      random = mulberry32(options.seed ?? 42);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return api;
}
