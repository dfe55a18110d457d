import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Interceptor, type SampleJiraServer, type SampleSite, startJiraSiteServer } from '../../src/demo/sample-jira-server.js';

/**
 * A Jira site on loopback for tests: the same server the demo uses (Cloud v3 search/jql with
 * nextPageToken, Data Center v2 search with startAt, GET /field, bulkfetch), over a generated
 * site whose custom field ids can differ per site, with faults injected in front of it.
 */
export interface GeneratedSiteOptions {
  count: number;
  projectKey?: string;
  siteUrl?: string;
  /** Custom field ids differ per site; these are the ones this site uses. */
  fieldIds?: { storyPoints?: string; sprint?: string; targetEnd?: string; rank?: string };
  /** Every n-th item is an initiative (PM work); the rest are stories in a sprint. */
  initiativeEvery?: number;
}

export function generateSite(options: GeneratedSiteOptions): SampleSite {
  const project = options.projectKey ?? 'PAY';
  const ids = { storyPoints: 'customfield_10016', sprint: 'customfield_10020', targetEnd: 'customfield_10023', rank: 'customfield_10019', ...options.fieldIds };
  const siteUrl = options.siteUrl ?? 'https://fake.atlassian.net';
  const fields = [
    { id: 'summary', name: 'Summary', custom: false, schema: { type: 'string', system: 'summary' } },
    { id: ids.storyPoints, name: 'Story point estimate', custom: true, schema: { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points', customId: Number(ids.storyPoints.split('_')[1]) } },
    { id: ids.sprint, name: 'Sprint', custom: true, schema: { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint', customId: Number(ids.sprint.split('_')[1]) } },
    { id: ids.rank, name: 'Rank', custom: true, schema: { type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-lexo-rank', customId: Number(ids.rank.split('_')[1]) } },
    { id: ids.targetEnd, name: 'Target end', custom: true, schema: { type: 'date', custom: 'com.atlassian.jpo:jpo-custom-field-baseline-end', customId: Number(ids.targetEnd.split('_')[1]) } },
  ];
  const every = options.initiativeEvery ?? 10;
  const issues = Array.from({ length: options.count }, (_, i) => {
    const n = i + 1;
    const initiative = n % every === 0;
    return {
      id: String(100_000 + n),
      key: `${project}-${n}`,
      self: `${siteUrl}/rest/api/3/issue/${100_000 + n}`,
      fields: {
        summary: initiative ? `Pricing strategy for market ${n}` : `As a merchant, I want export ${n} so that I can reconcile`,
        issuetype: initiative ? { id: '10010', name: 'Initiative', subtask: false, hierarchyLevel: 2 } : { id: '10001', name: 'Story', subtask: false, hierarchyLevel: 0 },
        status: { name: 'To Do', statusCategory: { key: 'new' } },
        project: { key: project, name: project },
        labels: [],
        components: [],
        created: '2026-10-01T09:00:00.000+0000',
        updated: '2026-11-01T09:00:00.000+0000',
        [ids.storyPoints]: initiative ? null : 3,
        [ids.sprint]: initiative ? null : [{ id: 7, name: 'Sprint 7', state: 'active', boardId: 1 }],
        [ids.targetEnd]: initiative ? '2027-03-31' : null,
        // LexoRank: sorts as the board orders its backlog.
        [ids.rank]: `0|i${n.toString(36).padStart(6, '0')}:`,
      },
    } as Record<string, unknown>;
  });
  return {
    dir: '/nonexistent',
    siteUrl,
    fields,
    issueTypes: [],
    projects: [{ key: project, name: project, projectTypeKey: 'software' }],
    boards: { values: [] },
    issues,
    properties: {},
    changelogs: { issueChangeLogs: [] },
    transitions: {},
  };
}

/** Marks an item as changed in Jira now (new summary, new `updated`). */
export function touch(site: SampleSite, key: string, at: Date, summary?: string): void {
  const issue = site.issues.find((i) => i.key === key);
  if (!issue) throw new Error(`no ${key}`);
  const fields = issue.fields as Record<string, unknown>;
  fields.updated = at.toISOString().replace('Z', '+0000');
  if (summary) fields.summary = summary;
}

export interface Faults {
  /** Share of search/bulkfetch calls answered 429 (with `Retry-After: 0`, as Jira sometimes does). */
  rateLimitShare?: number;
  /** Share answered 503. */
  unavailableShare?: number;
  /** Share that hang until the client times out. */
  hangShare?: number;
  /** Every request fails with this status (e.g. 401). */
  status?: number;
  /** Requests whose path matches fail with this status (e.g. 403 for one board's configuration). */
  refusePath?: { match: RegExp; status: number };
  /** Searches whose body matches fail with this status (e.g. 403 for one project only). */
  refuseSearch?: { match: RegExp; status: number };
  random?: () => number;
  /** Milliseconds every search and bulk fetch waits before it is answered (a slower site). */
  delayMs?: number;
}

/** One bulk fetch that reached the site (faults injected in front of it are not counted). */
export interface BulkFetchCall {
  /** Date.now() when it arrived. */
  at: number;
  keys: string[];
}

export interface FakeJira extends SampleJiraServer {
  site: SampleSite;
  faults: Faults;
  /** Search request bodies in order (to prove what was refetched). */
  searches: Record<string, unknown>[];
  /** Date.now() when each of `searches` arrived. */
  searchedAt: number[];
  /** Bulk fetches in order of arrival (to prove which batches were refetched). */
  bulkFetches: BulkFetchCall[];
  injected: number;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

export async function startFakeJira(site: SampleSite, faults: Faults = {}): Promise<FakeJira> {
  const state = { searches: [] as Record<string, unknown>[], searchedAt: [] as number[], bulkFetches: [] as BulkFetchCall[], injected: 0 };
  const random = faults.random ?? Math.random;
  const intercept: Interceptor = async (req: IncomingMessage, res: ServerResponse) => {
    const f = fake.faults;
    const fail = (status: number, headers: Record<string, string> = {}) => {
      state.injected++;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify({ errorMessages: [status === 401 ? 'Client must be authenticated to access this resource.' : status === 403 ? 'You do not have permission to browse this project.' : 'Try again later'], errors: {} }));
      return true;
    };
    if (f.status) return fail(f.status);
    if (f.refusePath?.match.test(req.url ?? '')) return fail(f.refusePath.status);
    const isData = /search|bulkfetch/.test(req.url ?? '');
    if (isData && req.method === 'POST') {
      // The body is consumed here; hand a copy to the real handler by re-emitting it.
      const text = await readBody(req);
      if (f.refuseSearch && /search/.test(req.url ?? '') && f.refuseSearch.match.test(text)) return fail(f.refuseSearch.status);
      const roll = random();
      if (f.rateLimitShare && roll < f.rateLimitShare) return fail(429, { 'retry-after': '0' });
      if (f.unavailableShare && roll < (f.rateLimitShare ?? 0) + f.unavailableShare) return fail(503);
      if (f.hangShare && roll < (f.rateLimitShare ?? 0) + (f.unavailableShare ?? 0) + f.hangShare) {
        state.injected++;
        setTimeout(() => res.destroy(), 2_000);
        return true;
      }
      if (/search/.test(req.url ?? '')) {
        state.searches.push(JSON.parse(text || '{}') as Record<string, unknown>);
        state.searchedAt.push(Date.now());
      }
      if (/issue\/bulkfetch/.test(req.url ?? '')) state.bulkFetches.push({ at: Date.now(), keys: ((JSON.parse(text || '{}') as { issueIdsOrKeys?: unknown[] }).issueIdsOrKeys ?? []).map(String) });
      if (f.delayMs) await new Promise((r) => setTimeout(r, f.delayMs));
      req.push = () => false;
      (req as IncomingMessage & { [Symbol.asyncIterator]: () => AsyncIterator<Buffer> })[Symbol.asyncIterator] = async function* () {
        yield Buffer.from(text);
      };
    }
    return false;
  };
  const server = await startJiraSiteServer(site, intercept);
  const fake: FakeJira = Object.assign(server, { site, faults, searches: state.searches, searchedAt: state.searchedAt, bulkFetches: state.bulkFetches, injected: 0 });
  Object.defineProperty(fake, 'injected', { get: () => state.injected });
  return fake;
}
