import type { IncomingMessage, ServerResponse } from 'node:http';
import { JqlValueError, jqlPredicate, jqlSort } from './jql-predicate.js';
import { type Json, notFound, readBody, type SampleSite, send } from './sample-site.js';

/**
 * The sample site's searches and bulk reads, with Jira's paging: Data Center's startAt and
 * result window, Cloud's page tokens and its larger pages when only ids are asked for.
 */
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

const indexes = new WeakMap<Json[], Map<string, number>>();

/**
 * The issues with these keys or ids, in Jira's ascending id order, and the ones not found.
 * Looked up through an index (rebuilt when the site's issues have changed), so a request
 * costs what it costs Jira, not a scan of the whole site.
 */
function issuesByKeyOrId(site: SampleSite, wanted: string[]): { found: Json[]; missing: string[] } {
  const at = (index: Map<string, number> | undefined, w: string) => {
    const issue = site.issues[index?.get(w) ?? -1];
    return issue && (String(issue.key) === w || String(issue.id) === w) ? issue : undefined;
  };
  let index = indexes.get(site.issues);
  if (!index || wanted.some((w) => !at(index, w))) {
    index = new Map(site.issues.flatMap((issue, n) => [[String(issue.key), n] as const, [String(issue.id), n] as const]));
    indexes.set(site.issues, index);
  }
  const found = new Set<Json>();
  const missing: string[] = [];
  for (const w of wanted) {
    const issue = at(index, w);
    if (issue) found.add(issue);
    else missing.push(w);
  }
  return { found: [...found].sort((a, b) => Number(a.id) - Number(b.id)), missing };
}

function pickFields(issue: Json, fields: string[] | undefined, properties: string[] | undefined, site: SampleSite): Json {
  const all = issue.fields as Json;
  const chosen = !fields || fields.includes('*all') ? all : Object.fromEntries(fields.filter((f) => f in all).map((f) => [f, all[f]]));
  const stored = site.properties[String(issue.key)] ?? {};
  const props = Object.fromEntries((properties ?? []).filter((p) => p in stored).map((p) => [p, stored[p]]));
  return { ...issue, fields: chosen, ...(properties?.length ? { properties: props } : {}) };
}

/** Answers the search and bulk-read routes; false for any other request. */
export async function handleSearch(site: SampleSite, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const path = url.pathname;
  if (path === '/rest/api/2/search' && req.method === 'POST') {
    // Data Center paging: startAt / maxResults / total.
    const request = await readBody(req);
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
    const request = req.method === 'POST' ? await readBody(req) : Object.fromEntries(url.searchParams);
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
    const request = await readBody(req);
    const wanted = ((request.issueIdsOrKeys as string[] | undefined) ?? []).map(String);
    const { found, missing } = issuesByKeyOrId(site, wanted);
    const fields = Array.isArray(request.fields) ? (request.fields as string[]) : undefined;
    const properties = Array.isArray(request.properties) ? (request.properties as string[]) : undefined;
    return send(res, 200, {
      expand: '',
      issues: found.map((issue) => pickFields(issue, fields, properties, site)),
      issueErrors: missing.map((id) => ({ id, errorMessage: 'Issue does not exist or you do not have permission to see it.', status: 404 })),
    });
  }
  if (req.method === 'POST' && path === '/rest/api/3/changelog/bulkfetch') {
    const request = await readBody(req);
    const wanted = new Set(((request.issueIdsOrKeys as string[] | undefined) ?? []).map(String));
    const keyToId = new Map(site.issues.map((i) => [String(i.key), String(i.id)]));
    const ids = new Set([...wanted].map((k) => keyToId.get(k) ?? k));
    return send(res, 200, { issueChangeLogs: (site.changelogs.issueChangeLogs ?? []).filter((c) => ids.has(String(c.issueId))) });
  }
  return false;
}
