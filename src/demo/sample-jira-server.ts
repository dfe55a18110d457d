import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { JqlValueError, jqlPredicate, jqlSort } from './jql-predicate.js';

/**
 * Serves the bundled sample site (samples/jira/) on loopback with Jira Cloud's REST shapes,
 * so the demo and the digest preview read it through the real jira.js adapter. It answers
 * the JQL the adapter sends (see jql-predicate.ts) and refuses what Jira refuses: projects and
 * filters the bot cannot see (400), and Data Center pages beyond the result window (500).
 */
export interface SampleJiraServer {
  url: string;
  /** The sample site's public URL, for browse links. */
  siteUrl: string;
  requests: number;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

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
  dir: string;
}

function readJson<T>(path: string): T {
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

/** Projects the bot may browse: the site's projects and every project an issue is in. */
function browsableProjects(site: SampleSite): Set<string> {
  const keys = new Set(((site.projects as { key?: string }[] | undefined) ?? []).map((p) => String(p.key)));
  for (const issue of site.issues) keys.add(String(((issue.fields as Json).project as Json | undefined)?.key ?? ''));
  return keys;
}

/** The issues a search matches in the order it asks for, or Jira's 400 for JQL it refuses. */
function searchIssues(site: SampleSite, jql: string): { issues: Json[] } | { status: number; errorMessages: string[] } {
  try {
    const predicate = jqlPredicate(jql, { filters: site.filters ?? {}, projects: browsableProjects(site) });
    if (!predicate) return { status: 400, errorMessages: [`The sample site does not understand this JQL: ${jql}`] };
    return { issues: jqlSort(jql, site.issues.filter(predicate)) };
  } catch (error) {
    if (error instanceof JqlValueError) return { status: 400, errorMessages: [error.message] };
    throw error;
  }
}

function pickFields(issue: Json, fields: string[] | undefined, properties: string[] | undefined, site: SampleSite): Json {
  const all = issue.fields as Json;
  const chosen = !fields || fields.includes('*all') ? all : Object.fromEntries(fields.filter((f) => f in all).map((f) => [f, all[f]]));
  const stored = site.properties[String(issue.key)] ?? {};
  const props = Object.fromEntries((properties ?? []).filter((p) => p in stored).map((p) => [p, stored[p]]));
  return { ...issue, fields: chosen, ...(properties?.length ? { properties: props } : {}) };
}

async function body(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Json) : {};
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' });
  res.end(JSON.stringify(payload));
}

function notFound(res: ServerResponse, what: string): void {
  send(res, 404, { errorMessages: [what], errors: {} });
}

async function handle(site: SampleSite, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  if (req.method === 'GET' && /^\/rest\/api\/[23]\/field$/.test(path)) return send(res, 200, site.fields);
  if (req.method === 'GET' && /^\/rest\/api\/[23]\/issuetype$/.test(path)) return send(res, 200, site.issueTypes);
  if (req.method === 'GET' && /^\/rest\/api\/[23]\/myself$/.test(path)) return send(res, 200, { accountId: '712020:who-owns-bot', displayName: 'who-owns', active: true });
  if (req.method === 'GET' && path === '/rest/agile/1.0/board') return send(res, 200, site.boards);
  if (req.method === 'GET' && /^\/rest\/api\/[23]\/mypermissions$/.test(path)) {
    // The bot may browse every project of the site; an unknown key is refused as Jira does.
    const key = url.searchParams.get('projectKey') ?? '';
    const known = (site.projects as { key?: string }[]).some((p) => p.key === key);
    if (key && !known) return notFound(res, `No project could be found with key '${key}'.`);
    const wanted = (url.searchParams.get('permissions') ?? '').split(',').filter(Boolean);
    return send(res, 200, { permissions: Object.fromEntries(wanted.map((w) => [w, { key: w, name: w, type: 'PROJECT', havePermission: true }])) });
  }
  if (req.method === 'GET' && /^\/rest\/api\/[23]\/user\/search$/.test(path)) {
    // Cloud matches `query`, Data Center `username`, against the start of names and emails.
    const wanted = (url.searchParams.get('query') ?? url.searchParams.get('username') ?? '').toLowerCase();
    if (!wanted) return send(res, 400, { errorMessages: ['The query parameter (query or username) is required.'], errors: {} });
    const starts = (value: unknown) => typeof value === 'string' && value.toLowerCase().startsWith(wanted);
    return send(res, 200, (site.users ?? []).filter((u) => starts(u.emailAddress) || starts(u.displayName) || starts(u.name)));
  }
  if (req.method === 'GET' && path === '/rest/api/3/project/search') {
    const values = site.projects as unknown[];
    return send(res, 200, { self: `${site.siteUrl}/rest/api/3/project/search`, maxResults: 50, startAt: 0, total: values.length, isLast: true, values });
  }
  const configuration = /^\/rest\/agile\/1\.0\/board\/(\d+)\/configuration$/.exec(path);
  if (req.method === 'GET' && configuration) {
    const board = ((site.boards as { values?: Json[] }).values ?? []).find((b) => String(b.id) === configuration[1]);
    if (!board) return notFound(res, `Board does not exist or you do not have permission to see it.`);
    const location = board.location as Json | undefined;
    const filterId = String((board.filter as Json | undefined)?.id ?? 10_000 + Number(board.id));
    site.filters ??= {};
    // A board named with its own filter keeps it as the site has it (absent: not shared with the bot).
    if (!board.filter) site.filters[filterId] ??= `project = ${String(location?.projectKey ?? '')} ORDER BY Rank ASC`;
    return send(res, 200, { id: board.id, name: board.name, type: board.type, filter: { id: filterId, self: `${site.siteUrl}/rest/api/2/filter/${filterId}` } });
  }
  const sprints = /^\/rest\/agile\/1\.0\/board\/(\d+)\/sprint$/.exec(path);
  if (req.method === 'GET' && sprints) {
    try {
      return send(res, 200, readJson(join(site.dir, 'sprints', `${sprints[1]}.json`)));
    } catch {
      return send(res, 400, { errorMessages: ['The board does not support sprints'], errors: {} });
    }
  }
  const versions = /^\/rest\/api\/[23]\/project\/([A-Z][A-Z0-9_]*)\/versions$/.exec(path);
  if (req.method === 'GET' && versions) {
    try {
      return send(res, 200, readJson(join(site.dir, 'versions', `${versions[1]}.json`)));
    } catch {
      return notFound(res, `No project could be found with key '${versions[1]}'.`);
    }
  }
  if (path === '/rest/api/2/search' && req.method === 'POST') {
    // Data Center paging: startAt / maxResults / total.
    const request = await body(req);
    const found = searchIssues(site, String(request.jql ?? ''));
    if ('status' in found) return send(res, found.status, { errorMessages: found.errorMessages, errors: {} });
    const matching = found.issues;
    const startAt = Number(request.startAt ?? 0) || 0;
    const maxResults = Math.min(Number(request.maxResults ?? 50) || 50, 100);
    // The search platform's result window (jira.search.platform.max.result.window): Jira answers 500 beyond it.
    const window = site.resultWindow ?? 10_000;
    if (startAt + maxResults > window) {
      return send(res, 500, { errorMessages: [`Search limit exceeded. We couldn't complete your search because it requests ${(startAt + maxResults).toLocaleString('en')} results which exceeded the search platform limit of ${window.toLocaleString('en')}. Try refining your query or contact your Jira administrator.`], errors: {} });
    }
    const fields = Array.isArray(request.fields) ? (request.fields as string[]) : undefined;
    const properties = Array.isArray(request.properties) ? (request.properties as string[]) : undefined;
    const page = matching.slice(startAt, startAt + maxResults).map((issue) => pickFields(issue, fields, properties, site));
    return send(res, 200, { expand: 'schema,names', startAt, maxResults, total: matching.length, issues: page });
  }
  const dcIssue = /^\/rest\/api\/2\/issue\/([A-Z][A-Z0-9_]*-\d+)$/.exec(path);
  if (req.method === 'GET' && dcIssue) {
    const issue = site.issues.find((i) => i.key === dcIssue[1]);
    if (!issue) return notFound(res, 'Issue Does Not Exist');
    return send(res, 200, pickFields(issue, url.searchParams.get('fields')?.split(','), url.searchParams.get('properties')?.split(','), site));
  }
  if (path === '/rest/api/3/search/jql') {
    const request = req.method === 'POST' ? await body(req) : Object.fromEntries(url.searchParams);
    const found = searchIssues(site, String(request.jql ?? ''));
    if ('status' in found) return send(res, found.status, { errorMessages: found.errorMessages, errors: {} });
    const fields = Array.isArray(request.fields) ? (request.fields as string[]) : typeof request.fields === 'string' ? request.fields.split(',') : undefined;
    const properties = Array.isArray(request.properties) ? (request.properties as string[]) : undefined;
    // Like Jira Cloud: pages of up to 5,000 when only ids are asked for, else 100.
    const idsOnly = fields?.every((f) => f === 'id' || f === 'key') ?? false;
    const maxResults = Math.min(Number(request.maxResults ?? 50) || 50, idsOnly ? 5000 : 100);
    const start = request.nextPageToken ? Number(Buffer.from(String(request.nextPageToken), 'base64url').toString('utf8')) : 0;
    const matching = found.issues;
    const page = matching.slice(start, start + maxResults).map((issue) => pickFields(issue, fields, properties, site));
    const end = start + page.length;
    const isLast = end >= matching.length;
    return send(res, 200, { issues: page, isLast, ...(isLast ? {} : { nextPageToken: Buffer.from(String(end)).toString('base64url') }) });
  }
  if (req.method === 'POST' && path === '/rest/api/3/issue/bulkfetch') {
    const request = await body(req);
    const wanted = ((request.issueIdsOrKeys as string[] | undefined) ?? []).map(String);
    const found = site.issues.filter((i) => wanted.includes(String(i.key)) || wanted.includes(String(i.id)));
    const fields = Array.isArray(request.fields) ? (request.fields as string[]) : undefined;
    const properties = Array.isArray(request.properties) ? (request.properties as string[]) : undefined;
    const missing = wanted.filter((w) => !found.some((i) => String(i.key) === w || String(i.id) === w));
    return send(res, 200, {
      expand: '',
      issues: found.map((issue) => pickFields(issue, fields, properties, site)),
      issueErrors: missing.map((id) => ({ id, errorMessage: 'Issue does not exist or you do not have permission to see it.', status: 404 })),
    });
  }
  if (req.method === 'POST' && path === '/rest/api/3/changelog/bulkfetch') {
    const request = await body(req);
    const wanted = new Set(((request.issueIdsOrKeys as string[] | undefined) ?? []).map(String));
    const keyToId = new Map(site.issues.map((i) => [String(i.key), String(i.id)]));
    const ids = new Set([...wanted].map((k) => keyToId.get(k) ?? k));
    return send(res, 200, { issueChangeLogs: (site.changelogs.issueChangeLogs ?? []).filter((c) => ids.has(String(c.issueId))) });
  }
  const transitions = /^\/rest\/api\/[23]\/issue\/([A-Z][A-Z0-9_]*-\d+)\/transitions$/.exec(path);
  if (req.method === 'GET' && transitions) {
    const issue = site.issues.find((i) => i.key === transitions[1]);
    if (!issue) return notFound(res, 'Issue does not exist or you do not have permission to see it.');
    const status = String(((issue.fields as Json).status as Json | undefined)?.name ?? '');
    return send(res, 200, site.transitions[status] ?? { transitions: [] });
  }
  const write = await handleWrite(site, req, res, path);
  if (write) return;
  return notFound(res, `The sample site does not serve ${req.method} ${path}`);
}

/** Transitions, comments and issue properties, kept in memory for the life of the server. */
async function handleWrite(site: SampleSite, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  const match = /^\/rest\/api\/([23])\/issue\/([A-Z][A-Z0-9_]*-\d+)\/(transitions|comment|properties\/([^/]+))$/.exec(path);
  if (!match) return false;
  const [, version, key = '', what = '', property] = match;
  const issue = site.issues.find((i) => i.key === key);
  if (!issue) {
    notFound(res, 'Issue does not exist or you do not have permission to see it.');
    return true;
  }
  const fields = issue.fields as Json;
  if (req.method === 'POST' && what === 'transitions') {
    const request = await body(req);
    const id = String((request.transition as Json | undefined)?.id ?? '');
    const status = String((fields.status as Json | undefined)?.name ?? '');
    const available = ((site.transitions[status] as { transitions?: Json[] } | undefined)?.transitions ?? []).find((t) => String(t.id) === id);
    if (!available) {
      send(res, 400, { errorMessages: [`Transition id '${id}' is not valid for this issue.`], errors: {} });
      return true;
    }
    fields.status = available.to;
    fields.updated = new Date().toISOString().replace('Z', '+0000');
    res.writeHead(204).end();
    return true;
  }
  if (req.method === 'POST' && what === 'comment') {
    const request = await body(req);
    if (version === '3' && (typeof request.body !== 'object' || (request.body as Json | null)?.type !== 'doc')) {
      send(res, 400, { errorMessages: [], errors: { comment: 'Comment body is not valid!' } });
      return true;
    }
    site.comments ??= {};
    site.comments[key] = [...(site.comments[key] ?? []), request.body];
    send(res, 201, { id: String(Object.values(site.comments).flat().length), body: request.body });
    return true;
  }
  if (property) {
    const name = decodeURIComponent(property);
    site.properties[key] ??= {};
    const stored = site.properties[key];
    if (req.method === 'PUT') {
      const existed = name in stored;
      stored[name] = await body(req);
      res.writeHead(existed ? 200 : 201).end();
      return true;
    }
    if (req.method === 'GET') {
      if (!(name in stored)) notFound(res, 'The property was not found.');
      else send(res, 200, { key: name, value: stored[name] });
      return true;
    }
  }
  return false;
}

/** Answers a request before the site does (tests inject faults here); undefined lets it through. */
export type Interceptor = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export function startSampleJiraServer(dir: string): Promise<SampleJiraServer> {
  return startJiraSiteServer(loadSampleSite(dir));
}

/** Serves any site in the sample layout (bundled, or generated by tests). */
export async function startJiraSiteServer(site: SampleSite, intercept?: Interceptor): Promise<SampleJiraServer> {
  const state = { requests: 0 };
  const server = createServer((req, res) => {
    state.requests++;
    Promise.resolve(intercept ? intercept(req, res) : false)
      .then((handled) => (handled ? undefined : handle(site, req, res)))
      .catch((error: unknown) => send(res, 500, { errorMessages: [String(error)], errors: {} }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    siteUrl: site.siteUrl,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
