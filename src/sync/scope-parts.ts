import type { TeamProfile } from '../domain/team.js';
import type { WorkItem } from '../domain/work-item.js';
import { type BoardFilter, boardFilters } from '../jira/board-filters.js';
import type { FieldMap } from '../jira/field-map.js';
import type { JiraClients } from '../jira/jira-clients.js';
import { JiraRequestError } from '../jira/jira-errors.js';
import { fetchFieldMap, scopeCondition } from '../jira/jira-source.js';
import { searchPages } from '../jira/search-pager.js';

/** What a team's scope is made of, minus the parts Jira will not show the bot. */
export interface ScopeParts {
  projects: string[];
  components: string[];
  filters: BoardFilter[];
  /** Parts left out, in words an operator can act on. Any makes the sync partial: nothing is removed. */
  warnings: string[];
}

export async function scopeParts(clients: JiraClients, team: TeamProfile): Promise<ScopeParts> {
  const boards = await boardFilters(clients, team.jira.boards);
  return {
    projects: [...team.jira.projects],
    components: [...team.jira.components],
    filters: boards.filters,
    warnings: boards.unreadable.map((b) => `board ${b.boardId}: ${b.reason}`),
  };
}

/** Whether every part could be read: only then may a full sync remove what it did not see (a hidden part is not a deleted one). */
export function readInFull(parts: ScopeParts): boolean {
  return parts.warnings.length === 0;
}

/** The JQL condition for the parts; undefined when nothing readable is left. */
export function partsCondition(parts: ScopeParts): string | undefined {
  if (!parts.projects.length && !parts.components.length && !parts.filters.length) return undefined;
  return scopeCondition({ projects: parts.projects, components: parts.components, filters: parts.filters.map((f) => f.filterId) });
}

/** Jira's 400 for a value the caller may not see (it does not say whether it exists). */
const REFUSED_VALUE = /(?:The value|A value with ID) '([^']+)' does not exist for the field '(project|component|filter)'/g;

/**
 * The parts without those a refused search named (a project the bot may not browse, a board
 * filter not shared with it), or undefined when the refusal is about something else.
 */
export function withoutRefused(parts: ScopeParts, error: unknown): ScopeParts | undefined {
  if (!(error instanceof JiraRequestError) || error.failure.kind !== 'rejected') return undefined;
  const refused = [...error.failure.message.matchAll(REFUSED_VALUE)].map((m) => ({ value: m[1] ?? '', field: m[2] ?? '' }));
  const is = (field: string, value: string) => refused.some((r) => r.field === field && r.value.toLowerCase() === value.toLowerCase());
  const next: ScopeParts = {
    projects: parts.projects.filter((p) => !is('project', p)),
    components: parts.components.filter((c) => !is('component', c)),
    filters: parts.filters.filter((f) => !is('filter', f.filterId)),
    warnings: [
      ...parts.warnings,
      ...parts.projects.filter((p) => is('project', p)).map((p) => `project ${p}: not visible to the bot (no such project, or no Browse Projects permission)`),
      ...parts.components.filter((c) => is('component', c)).map((c) => `component ${c}: no such component visible to the bot`),
      ...parts.filters.filter((f) => is('filter', f.filterId)).map((f) => `board ${f.boardId}: its saved filter ${f.filterId} is not shared with the bot`),
    ],
  };
  return next.warnings.length > parts.warnings.length ? next : undefined;
}

const READ_FIELDS: [keyof FieldMap, string, string][] = [
  ['sprint', 'Sprint', 'sprint membership'],
  ['rank', 'Rank', 'backlog order'],
];

/** Fields attribution reads that this site does not have (the rest of each item still syncs). */
export function missingFieldWarnings(fieldMap: FieldMap): string[] {
  const missing = READ_FIELDS.filter(([key]) => !fieldMap[key]).map(([, name, what]) => `field ${name} not found on this site: ${what} unknown`);
  if (fieldMap.storyPoints.length === 0) missing.push('field Story points not found on this site: estimates unknown');
  return missing;
}

/**
 * Board membership from the same search: an item outside the team's projects and components
 * matched only through a board's filter, so it is on the team's (readable) boards.
 */
export function withBoards(items: WorkItem[], parts: ScopeParts): WorkItem[] {
  if (parts.filters.length === 0) return items;
  const projects = new Set(parts.projects);
  const components = new Set(parts.components.map((c) => c.toLowerCase()));
  const boardIds = parts.filters.map((f) => f.boardId);
  return items.map((item) =>
    projects.has(item.projectKey) || item.components.some((c) => components.has(c.toLowerCase())) ? item : { ...item, boardIds: [...new Set([...item.boardIds, ...boardIds])] },
  );
}

/**
 * What a sync of the team would have to leave out, found with one one-item search (and the
 * board configurations and fields it reads anyway), for `config check`.
 */
export async function scopeWarnings(clients: JiraClients, team: TeamProfile): Promise<string[]> {
  let parts = await scopeParts(clients, team);
  for (;;) {
    const condition = partsCondition(parts);
    if (!condition) return [...parts.warnings, 'nothing of the scope is readable: no item would sync'];
    try {
      for await (const _page of searchPages(clients, { condition, fields: ['id'], pageSize: 1, ordered: false })) break;
      return [...parts.warnings, ...missingFieldWarnings(await fetchFieldMap(clients))];
    } catch (error) {
      const narrowed = withoutRefused(parts, error);
      if (!narrowed) throw error;
      parts = narrowed;
    }
  }
}
