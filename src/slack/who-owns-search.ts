import type { TeamProfile } from '../domain/team.js';
import type { ItemStore } from '../ports.js';
import { searchItems, type WhoOwnsDeps } from './answer-who-owns.js';
import { freeTextJql } from './jql-guard.js';

/** Free-text search and JQL for `/who-owns`: live JQL when Jira is connected, else the store's items. */
export function lookupsFor(deps: { store: ItemStore; teams: readonly TeamProfile[]; searchJira?: (jql: string) => Promise<string[]> }): Pick<WhoOwnsDeps, 'search' | 'runJql'> {
  const projects = [...new Set(deps.teams.flatMap((t) => t.jira.projects))];
  const searchJira = deps.searchJira;
  if (searchJira) return { search: (text) => searchJira(freeTextJql(text, projects)), runJql: searchJira };
  return {
    async search(text) {
      const keys = [...new Set((await Promise.all(deps.teams.map((t) => deps.store.teamItemKeys(t.id)))).flat())];
      const items = (await deps.store.getItems(keys)).filter((i) => i !== null);
      return searchItems(items, text);
    },
  };
}
