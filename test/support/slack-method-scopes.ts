/**
 * The OAuth scopes Slack requires per Web API method, read from Slack's own OpenAPI spec
 * (test/fixtures/slack-web-api/). The spec (2020) lists for each method the scopes any one of
 * which suffices; two things need reading the way Slack applies them to a bot token today:
 * - `chat:write:bot` / `chat:write:user` are the pre-granular names; a bot token holds `chat:write`.
 * - A conversation family (`channels:history`, `groups:history`, `im:history`, `mpim:history`)
 *   is not "any of": Slack checks the one for the kind of conversation the call names.
 */
import { readFileSync } from 'node:fs';

export type ConversationKind = 'public' | 'private' | 'im' | 'mpim';
export const CONVERSATION_FAMILY: Record<ConversationKind, string> = { public: 'channels', private: 'groups', im: 'im', mpim: 'mpim' };

export type MethodScopes =
  /** No scope needed (`auth.test`, `views.*`). */
  | { kind: 'none' }
  /** Any one of these. */
  | { kind: 'any'; scopes: string[] }
  /** `<family>:<action>` for the kind of conversation the call names. */
  | { kind: 'conversation'; action: string };

interface Spec {
  paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
}

const BOT_NAMES: Record<string, string | null> = { 'chat:write:bot': 'chat:write', 'chat:write:user': null };
const FAMILIES = new Set(Object.values(CONVERSATION_FAMILY));

function readSpec(): Spec {
  return JSON.parse(readFileSync(new URL('../fixtures/slack-web-api/slack_web_openapi_v2.security.json', import.meta.url), 'utf8')) as Spec;
}

function classify(listed: string[]): MethodScopes {
  const scopes = [...new Set(listed.flatMap((s) => (s in BOT_NAMES ? (BOT_NAMES[s] ? [BOT_NAMES[s] as string] : []) : [s])))].filter((s) => s !== 'none');
  if (scopes.length === 0) return { kind: 'none' };
  const actions = new Set(scopes.map((s) => s.split(':')[1]));
  const family = scopes.length > 1 && actions.size === 1 && scopes.every((s) => FAMILIES.has(s.split(':')[0] ?? ''));
  return family ? { kind: 'conversation', action: [...actions][0] as string } : { kind: 'any', scopes };
}

let cached: Map<string, MethodScopes> | undefined;

/** Every Web API method in Slack's spec (`chat.postMessage`, …) with the scopes it requires. */
export function slackMethodScopes(): Map<string, MethodScopes> {
  if (cached) return cached;
  cached = new Map();
  for (const [path, operations] of Object.entries(readSpec().paths)) {
    const listed = Object.values(operations).flatMap((op) => (op.security ?? []).flatMap((s) => Object.values(s).flat()));
    cached.set(path.replace(/^\//, ''), classify(listed));
  }
  return cached;
}

/** The scope a call needs for one kind of conversation, or the any-of list; [] when none. */
export function scopesFor(method: string, conversation: ConversationKind): string[] {
  const needed = slackMethodScopes().get(method);
  if (!needed || needed.kind === 'none') return [];
  return needed.kind === 'any' ? needed.scopes : [`${CONVERSATION_FAMILY[conversation]}:${needed.action}`];
}
