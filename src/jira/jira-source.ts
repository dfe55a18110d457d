import type { WorkItem } from '../domain/work-item.js';
import { type FieldDescription, type FieldMap, fieldMapFromFields } from './field-map.js';
import type { JiraClients } from './jira-clients.js';
import { jqlList } from './jql.js';
import { safeNormaliseIssue } from './normalise-issue.js';
import { searchPages } from './search-pager.js';

/** The issue property a decision is stored in on the Jira issue (write-back). */
export const DECISION_PROPERTY = 'who-owns.decision';

const SYSTEM_FIELDS = [
  'summary',
  'description',
  'issuetype',
  'status',
  'resolution',
  'labels',
  'components',
  'assignee',
  'reporter',
  'parent',
  'fixVersions',
  'duedate',
  'created',
  'updated',
  'security',
  'project',
  'statuscategorychangedate',
];

/** Field ids to request: the system fields attribution reads plus the site's custom ones. */
export function requestedFields(fieldMap: FieldMap): string[] {
  const custom = [fieldMap.sprint, ...fieldMap.storyPoints, fieldMap.targetStart, fieldMap.targetEnd, fieldMap.team, fieldMap.acceptanceCriteria, fieldMap.epicLink, fieldMap.parentLink, fieldMap.rank];
  return [...SYSTEM_FIELDS, ...custom.filter((f): f is string => Boolean(f))];
}

export async function fetchFieldMap(clients: JiraClients): Promise<FieldMap> {
  const fields = (await clients.gate.run('fields', () => clients.platform.issueFields.getFields())) as unknown as FieldDescription[];
  return fieldMapFromFields(fields);
}

/**
 * The JQL condition for what a team owns: its projects, its boards (through their saved
 * filters' numeric ids), plus its components wherever they appear.
 */
export function scopeCondition(scope: { projects: string[]; components: string[]; filters?: string[] }): string {
  const filters = (scope.filters ?? []).filter((id) => /^\d+$/.test(id));
  const clauses = [
    ...(scope.projects.length ? [`project in ${jqlList(scope.projects)}`] : []),
    ...(filters.length ? [`filter in (${filters.join(', ')})`] : []),
    ...(scope.components.length ? [`component in ${jqlList(scope.components)}`] : []),
  ];
  return clauses.join(' OR ') || 'project is EMPTY';
}

export interface FetchResult {
  items: WorkItem[];
  /** Records that could not be read, with the reason; the rest are kept. */
  rejected: { key?: string; error: string }[];
  requests: number;
}

/** Every item matching the JQL condition, normalised. */
export async function fetchItems(clients: JiraClients, condition: string, fieldMap: FieldMap, siteUrl = clients.settings.baseUrl): Promise<FetchResult> {
  const result: FetchResult = { items: [], rejected: [], requests: 0 };
  for await (const page of searchPages(clients, { condition, fields: requestedFields(fieldMap), properties: [DECISION_PROPERTY] })) {
    result.requests++;
    const normalised = normalisePage(page.issues, fieldMap, siteUrl);
    result.items.push(...normalised.items);
    result.rejected.push(...normalised.rejected);
  }
  return result;
}

/** Normalises one page; unreadable records are set aside with their reason, never thrown. */
export function normalisePage(issues: readonly Record<string, unknown>[], fieldMap: FieldMap, siteUrl: string): Pick<FetchResult, 'items' | 'rejected'> {
  const items: WorkItem[] = [];
  const rejected: FetchResult['rejected'] = [];
  for (const raw of issues) {
    const normalised = safeNormaliseIssue(raw, fieldMap, { siteUrl });
    if (normalised.ok) items.push(normalised.item);
    else rejected.push({ ...(typeof raw.key === 'string' ? { key: raw.key } : {}), error: normalised.error });
  }
  return { items, rejected };
}
