import { Version2Client, type Version3Client } from 'jira.js';
import type { JiraClients } from './jira-clients.js';

/** Raw issue as the search endpoints return it. */
export type RawIssue = Record<string, unknown>;

export interface SearchRequest {
  jql: string;
  fields: string[];
  /** Issue properties to return with each issue (e.g. `who-owns.decision`). */
  properties?: string[];
  pageSize?: number;
  /** Resume point from an earlier run: a Cloud page token, or a Data Center `startAt` as a string. */
  resumeFrom?: string;
}

export interface SearchPage {
  issues: RawIssue[];
  /** Where the next page starts; undefined on the last page. Persist it to resume. */
  next?: string;
}

/**
 * Pages through a JQL search to the very end. Cloud: `POST /rest/api/3/search/jql`, following
 * `nextPageToken` until it is absent (the old `/search` answers 410); Data Center:
 * `POST /rest/api/2/search` with `startAt`, until a short page or `total` is reached.
 */
export async function* searchPages(clients: JiraClients, request: SearchRequest): AsyncGenerator<SearchPage> {
  const pageSize = request.pageSize ?? 100;
  if (clients.platform instanceof Version2Client) {
    let startAt = Number(request.resumeFrom ?? 0) || 0;
    for (;;) {
      const platform = clients.platform;
      const page = await clients.gate.run('search', () => platform.issueSearch.searchForIssuesUsingJqlPost({
        jql: request.jql,
        fields: request.fields,
        properties: request.properties,
        startAt,
        maxResults: pageSize,
      }));
      const issues = (page.issues ?? []) as unknown as RawIssue[];
      startAt += issues.length;
      const last = issues.length === 0 || (page.total !== undefined && startAt >= page.total);
      yield { issues, ...(last ? {} : { next: String(startAt) }) };
      if (last) return;
    }
  }
  const cloud = clients.platform as Version3Client;
  let nextPageToken: string | undefined = request.resumeFrom;
  do {
    const token = nextPageToken;
    const page = await clients.gate.run('search', () => cloud.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
      jql: request.jql,
      fields: request.fields,
      properties: request.properties,
      maxResults: pageSize,
      ...(token ? { nextPageToken: token } : {}),
    }));
    nextPageToken = page.nextPageToken ?? undefined;
    yield { issues: (page.issues ?? []) as unknown as RawIssue[], ...(nextPageToken ? { next: nextPageToken } : {}) };
  } while (nextPageToken);
}
