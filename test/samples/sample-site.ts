/** Reads the committed sample Jira site (samples/jira/) for the shape tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'samples');
export const JIRA_DIR = join(SAMPLES_DIR, 'jira');

export type Json = Record<string, unknown>;

export interface SampleIssue {
  id: string;
  key: string;
  self: string;
  fields: Json & {
    summary: string;
    issuetype: { id: string; name: string; hierarchyLevel: number; subtask: boolean };
    status: { id: string; name: string; statusCategory: { key: string } };
    project: { id: string; key: string };
    parent?: { id: string; key: string; fields: { summary: string; status: { name: string } } };
    subtasks: { key: string }[];
    fixVersions: { id: string; name: string; releaseDate?: string }[];
    components: { id: string; name: string }[];
    created: string;
    updated: string;
    security: { name: string } | null;
    description: Json | null;
  };
}

export interface SearchPage {
  issues: SampleIssue[];
  nextPageToken?: string;
  isLast: boolean;
}

export function readJson<T = unknown>(relativePath: string): T {
  return JSON.parse(readFileSync(join(JIRA_DIR, relativePath), 'utf8')) as T;
}

export function listFiles(relativeDir: string): string[] {
  return readdirSync(join(JIRA_DIR, relativeDir)).sort();
}

/** Search pages per project, in page order (PAY-1, PAY-2, …). */
export function searchPages(): Map<string, SearchPage[]> {
  const pages = new Map<string, SearchPage[]>();
  const files = listFiles('search').sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const file of files) {
    const match = /^([A-Z]+)-(\d+)\.json$/.exec(file);
    if (!match?.[1]) throw new Error(`unexpected search file ${file}`);
    const list = pages.get(match[1]) ?? [];
    list.push(readJson<SearchPage>(`search/${file}`));
    pages.set(match[1], list);
  }
  return pages;
}

export function allIssues(): SampleIssue[] {
  return [...searchPages().values()].flat().flatMap((page) => page.issues);
}
