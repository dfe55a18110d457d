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
}

/**
 * Pages through a JQL search to the very end. Cloud: `POST /rest/api/3/search/jql`, following
 * `nextPageToken` until it is absent (the old `/search` answers 410); Data Center:
 * `POST /rest/api/2/search` with `startAt`, until a short page or `total` is reached.
 */
export async function* searchPages(clients: JiraClients, request: SearchRequest): AsyncGenerator<RawIssue[]> {
  const pageSize = request.pageSize ?? 100;
  if (clients.platform instanceof Version2Client) {
    let startAt = 0;
    for (;;) {
      const page = await clients.platform.issueSearch.searchForIssuesUsingJqlPost({
        jql: request.jql,
        fields: request.fields,
        properties: request.properties,
        startAt,
        maxResults: pageSize,
      });
      const issues = (page.issues ?? []) as unknown as RawIssue[];
      yield issues;
      startAt += issues.length;
      if (issues.length === 0 || (page.total !== undefined && startAt >= page.total)) return;
    }
  }
  const cloud = clients.platform as Version3Client;
  let nextPageToken: string | undefined;
  do {
    const page = await cloud.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
      jql: request.jql,
      fields: request.fields,
      properties: request.properties,
      maxResults: pageSize,
      ...(nextPageToken ? { nextPageToken } : {}),
    });
    yield (page.issues ?? []) as unknown as RawIssue[];
    nextPageToken = page.nextPageToken ?? undefined;
  } while (nextPageToken);
}
