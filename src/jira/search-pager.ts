import { Version2Client, type Version3Client } from 'jira.js';
import type { JiraClients } from './jira-clients.js';

/** Raw issue as the search endpoints return it. */
export type RawIssue = Record<string, unknown>;

export interface SearchRequest {
  /** The JQL condition, without ORDER BY: the pager adds the order it pages in. */
  condition: string;
  fields: string[];
  /** Issue properties to return with each issue (e.g. `who-owns.decision`). */
  properties?: string[];
  pageSize?: number;
  /** Cloud: page in key order (default); false for a single page where Jira's own order will do. */
  ordered?: boolean;
  /** Resume point from an earlier run: a Cloud page token, or the last Data Center issue id read. */
  resumeFrom?: string;
}

export interface SearchPage {
  issues: RawIssue[];
  /** Where the next page starts; undefined on the last page. Persist it to resume. */
  next?: string;
}

const ISSUE_ID = /^\d+$/;

/**
 * Pages through a JQL search to the very end. Cloud: `POST /rest/api/3/search/jql` in key
 * order, following `nextPageToken` until it is absent (the old `/search` answers 410).
 * Data Center: `POST /rest/api/2/search` by key set, `(condition) AND id > last ORDER BY id`,
 * every page from `startAt` 0: `startAt` stops at the search platform's result window (10,000
 * by default, 500 beyond it), and shifts when issues leave or join the result mid-sync, while
 * an issue's id never changes, so no issue is skipped or read twice.
 */
export async function* searchPages(clients: JiraClients, request: SearchRequest): AsyncGenerator<SearchPage> {
  const pageSize = request.pageSize ?? 100;
  if (clients.platform instanceof Version2Client) {
    const platform = clients.platform;
    let after = request.resumeFrom && ISSUE_ID.test(request.resumeFrom) ? request.resumeFrom : undefined;
    for (;;) {
      // Only digits reach the JQL: the key is an id Jira gave us, checked below.
      const jql = `(${request.condition})${after ? ` AND id > ${after}` : ''} ORDER BY id ASC`;
      const page = await clients.gate.run('search', () => platform.issueSearch.searchForIssuesUsingJqlPost({ jql, fields: request.fields, properties: request.properties, startAt: 0, maxResults: pageSize }));
      const issues = (page.issues ?? []) as unknown as RawIssue[];
      const lastId = String(issues.at(-1)?.id ?? '');
      if (issues.length > 0 && !ISSUE_ID.test(lastId)) throw new Error(`Data Center search returned an issue without a numeric id (${lastId || 'none'}): cannot page on`);
      const last = issues.length === 0 || (page.total !== undefined && issues.length >= page.total);
      yield { issues, ...(last ? {} : { next: lastId }) };
      if (last) return;
      after = lastId;
    }
  }
  const cloud = clients.platform as Version3Client;
  const jql = request.ordered === false ? request.condition : `${request.condition} ORDER BY key ASC`;
  let nextPageToken: string | undefined = request.resumeFrom;
  do {
    const token = nextPageToken;
    const page = await clients.gate.run('search', () => cloud.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
      jql,
      fields: request.fields,
      properties: request.properties,
      maxResults: pageSize,
      ...(token ? { nextPageToken: token } : {}),
    }));
    nextPageToken = page.nextPageToken ?? undefined;
    yield { issues: (page.issues ?? []) as unknown as RawIssue[], ...(nextPageToken ? { next: nextPageToken } : {}) };
  } while (nextPageToken);
}
