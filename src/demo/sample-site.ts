import { readdirSync, readFileSync } from 'node:fs';
import type { ServerResponse, IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { RegisteredWebhook } from './sample-site-webhooks.js';

/** The sample site's files (samples/jira/ layout) read into memory, and the JSON replies the loopback site sends. */
export type Json = Record<string, unknown>;

export interface SampleSite {
  siteUrl: string;
  fields: unknown;
  issueTypes: unknown;
  projects: unknown;
  boards: unknown;
  issues: Json[];
  properties: Record<string, Json>;
  changelogs: { issueChangeLogs?: { issueId: string }[] };
  transitions: Record<string, unknown>;
  /** Saved filters by id (JQL), as boards use them; boards without one filter on their project. */
  filters?: Record<string, string>;
  /** Data Center's search result window: `startAt + maxResults` beyond it answers 500 (default 10,000). */
  resultWindow?: number;
  /** Comments written through the API, by issue key (bodies as sent: ADF or text). */
  comments?: Record<string, unknown[]>;
  /** Accounts for user search, in the site's shape (Cloud: accountId; Data Center: name, key). */
  users?: Json[];
  /** Webhooks registered through the REST API, and how many ever were (for their ids). */
  webhooks?: RegisteredWebhook[];
  webhooksRegistered?: number;
  /** The site's clock (webhook expiry); tests move it on. */
  now?: () => Date;
  dir: string;
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export function loadSampleSite(dir: string): SampleSite {
  const searchDir = join(dir, 'search');
  const pages = readdirSync(searchDir)
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return {
    dir,
    siteUrl: readJson<{ baseUrl: string }>(join(dir, 'site.json')).baseUrl,
    fields: readJson(join(dir, 'field.json')),
    issueTypes: readJson(join(dir, 'issuetype.json')),
    projects: readJson(join(dir, 'projects.json')),
    boards: readJson(join(dir, 'boards.json')),
    issues: pages.flatMap((page) => readJson<{ issues: Json[] }>(join(searchDir, page)).issues),
    properties: readJson(join(dir, 'properties.json')),
    changelogs: readJson(join(dir, 'changelogs.json')),
    transitions: readJson(join(dir, 'transitions.json')),
  };
}

export async function readBody(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Json) : {};
}

/** Sends a JSON reply; true, so a route can `return send(…)` to say it answered. */
export function send(res: ServerResponse, status: number, payload: unknown): true {
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' });
  res.end(JSON.stringify(payload));
  return true;
}

export function notFound(res: ServerResponse, what: string): true {
  return send(res, 404, { errorMessages: [what], errors: {} });
}
