import type { TeamProfile } from '../domain/team.js';
import type { WorkItem } from '../domain/work-item.js';
import type { BoardFilter, JiraReader, ScopeSelection } from '../ports.js';

/** What a team's scope is made of, minus the parts Jira will not show the bot. */
export interface ScopeParts {
  projects: string[];
  components: string[];
  filters: BoardFilter[];
  /** Parts left out, in words an operator can act on. Any makes the sync partial: nothing is removed. */
  warnings: string[];
}

export async function scopeParts(jira: JiraReader, team: TeamProfile): Promise<ScopeParts> {
  const boards = await jira.boardFilters(team.jira.boards);
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

/** The source's query for the parts (their items updated since `updatedSince`, when given); undefined when nothing readable is left. */
export function partsQuery(jira: JiraReader, parts: ScopeParts, updatedSince?: Date): string | undefined {
  if (!parts.projects.length && !parts.components.length && !parts.filters.length) return undefined;
  return jira.query({ projects: parts.projects, components: parts.components, filters: parts.filters.map((f) => f.filterId) }, updatedSince);
}

/**
 * The parts without those a refused search named (a project the bot may not browse, a board
 * filter not shared with it), or undefined when the refusal is about something else.
 */
export function withoutRefused(parts: ScopeParts, refused: ScopeSelection | undefined): ScopeParts | undefined {
  if (!refused) return undefined;
  const named = (values: readonly string[], value: string) => values.some((v) => v.toLowerCase() === value.toLowerCase());
  const next: ScopeParts = {
    projects: parts.projects.filter((p) => !named(refused.projects, p)),
    components: parts.components.filter((c) => !named(refused.components, c)),
    filters: parts.filters.filter((f) => !named(refused.filters, f.filterId)),
    warnings: [
      ...parts.warnings,
      ...parts.projects.filter((p) => named(refused.projects, p)).map((p) => `project ${p}: not visible to the bot (no such project, or no Browse Projects permission)`),
      ...parts.components.filter((c) => named(refused.components, c)).map((c) => `component ${c}: no such component visible to the bot`),
      ...parts.filters.filter((f) => named(refused.filters, f.filterId)).map((f) => `board ${f.boardId}: its saved filter ${f.filterId} is not shared with the bot`),
    ],
  };
  return next.warnings.length > parts.warnings.length ? next : undefined;
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
export async function scopeWarnings(jira: JiraReader, team: TeamProfile): Promise<string[]> {
  let parts = await scopeParts(jira, team);
  for (;;) {
    const query = partsQuery(jira, parts);
    if (!query) return [...parts.warnings, 'nothing of the scope is readable: no item would sync'];
    try {
      await jira.check(query);
      return [...parts.warnings, ...(await jira.fieldWarnings())];
    } catch (error) {
      const narrowed = withoutRefused(parts, jira.refused(error));
      if (!narrowed) throw error;
      parts = narrowed;
    }
  }
}
