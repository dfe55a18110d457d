import { ACTOR_ROLES, PERMISSION_ACTIONS, PERMISSIONS, tableAllows } from '../src/domain/permissions/permission-table.js';

export const START = '<!-- who-may-do-what:start (npm run docs:permissions) -->';
export const END = '<!-- who-may-do-what:end -->';

/** The permission table as Markdown: one row per action, one column per role. */
export function renderPermissionTable(): string {
  const header = `| Action | ${ACTOR_ROLES.map((r) => r.label).join(' | ')} |`;
  const rule = `|---|${ACTOR_ROLES.map(() => ':---:').join('|')}|`;
  const rows = PERMISSION_ACTIONS.map((action) => `| ${PERMISSIONS[action].does} | ${ACTOR_ROLES.map((role) => (tableAllows(action, role) ? 'yes' : '—')).join(' | ')} |`);
  return [START, header, rule, ...rows, END].join('\n');
}

/** `page` with the block between the markers replaced by the current table. */
export function withPermissionTable(page: string): string {
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/operations.md has no ${START} … ${END} block`);
  return `${page.slice(0, start)}${renderPermissionTable()}${page.slice(end + END.length)}`;
}
