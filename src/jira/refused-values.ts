import type { ScopeSelection } from '../ports.js';
import { JiraRequestError } from './jira-errors.js';

/** Jira's 400 for a value the caller may not see (it does not say whether it exists). */
const REFUSED_VALUE = /(?:The value|A value with ID) '([^']+)' does not exist for the field '(project|component|filter)'/g;

/**
 * The projects, components and filters a refused search named: Jira refuses the whole search
 * for one value hidden from the bot. Undefined when the search was refused for another reason.
 */
export function refusedValues(error: unknown): ScopeSelection | undefined {
  if (!(error instanceof JiraRequestError) || error.failure.kind !== 'rejected') return undefined;
  const refused = [...error.failure.message.matchAll(REFUSED_VALUE)];
  const named = (field: string) => refused.filter((m) => m[2] === field).map((m) => m[1] ?? '');
  return { projects: named('project'), components: named('component'), filters: named('filter') };
}
