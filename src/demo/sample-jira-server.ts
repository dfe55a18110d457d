import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Json, loadSampleSite, notFound, readJson, type SampleSite, send } from './sample-site.js';
import { handleSearch } from './sample-site-search.js';
import { handleWebhooks } from './sample-site-webhooks.js';
import { handleWrite } from './sample-site-writes.js';

export { loadSampleSite, type SampleSite } from './sample-site.js';

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

async function handle(site: SampleSite, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
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
  if (await handleSearch(site, req, res, url)) return true;
  const transitions = /^\/rest\/api\/[23]\/issue\/([A-Z][A-Z0-9_]*-\d+)\/transitions$/.exec(path);
  if (req.method === 'GET' && transitions) {
    const issue = site.issues.find((i) => i.key === transitions[1]);
    if (!issue) return notFound(res, 'Issue does not exist or you do not have permission to see it.');
    const status = String(((issue.fields as Json).status as Json | undefined)?.name ?? '');
    return send(res, 200, site.transitions[status] ?? { transitions: [] });
  }
  if (await handleWrite(site, req, res, path)) return true;
  if (await handleWebhooks(site, req, res, path)) return true;
  return notFound(res, `The sample site does not serve ${req.method} ${path}`);
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
