// Doctor asks the site itself what a sync never needs (permissions, the field list, a waiting
// item's workflow) and reports Jira's own answers, so these checks are Jira adapter code: they
// use the site's clients and request gate directly rather than the reader sync works through.
import { transitionsOfWaitingItem } from '../jira/acceptance-workflow.js';
import type { JiraClients } from '../jira/jira-clients.js';
import { type FieldDescription, fieldMapFromFields } from '../jira/field-map.js';
import { type DoctorCheck, fail, guarded, pass, skip } from './doctor-check.js';

interface ProjectTeam {
  id: string;
  jira: { projects: string[] };
  acceptance: { enabled: boolean; statuses: string[]; acceptTransition: string; rejectTransition: string };
}

const JIRA_ACCESS = 'check JIRA_BASE_URL and the Jira credentials (JIRA_EMAIL + JIRA_API_TOKEN, or JIRA_PAT)';

/** Browse projects on each team project: without it searches come back empty, not refused. */
export function checkBrowsePermission(clients: JiraClients, projects: readonly string[]): Promise<DoctorCheck[]> {
  return Promise.all(
    projects.map(async (projectKey) => {
      const name = `Jira project ${projectKey}: Browse permission`;
      const [check] = await guarded(name, `check the project key in the team file; ${JIRA_ACCESS}`, async () => {
        const answer = (await clients.gate.run('my permissions', () => clients.platform.permissions.getMyPermissions({ projectKey, permissions: 'BROWSE_PROJECTS' }))) as { permissions?: Record<string, { havePermission?: boolean }> };
        if (answer.permissions?.BROWSE_PROJECTS?.havePermission) return pass(name, 'the who-owns account may browse it');
        return fail(name, 'the who-owns account may not browse it, so its items are invisible', `in Jira → Project settings (${projectKey}) → Permissions, grant "Browse projects" to the account who-owns uses (or a group it is in)`);
      });
      return check as DoctorCheck;
    }),
  );
}

/**
 * The team's Accept and Reject transitions, as Jira offers them on an item waiting for
 * acceptance: a wrong name would only show when a PO clicks the button.
 */
export function checkAcceptanceTransitions(clients: JiraClients, teams: readonly ProjectTeam[]): Promise<DoctorCheck[]> {
  const checks = teams.filter((t) => t.acceptance.enabled).flatMap((team) => team.jira.projects.map((project) => ({ team, project })));
  return Promise.all(
    checks.map(async ({ team, project }) => {
      const name = `Jira project ${project}: acceptance transitions (${team.id})`;
      const [check] = await guarded(name, JIRA_ACCESS, async () => {
        const statuses = team.acceptance.statuses;
        const waiting = await transitionsOfWaitingItem(clients, project, statuses);
        if (!waiting) return skip(name, `no item of ${project} waits in ${statuses.join(' or ')} right now, so the transitions cannot be read`, 'run doctor again once an item waits for acceptance');
        const { key, offered } = waiting;
        const wanted = [team.acceptance.acceptTransition, team.acceptance.rejectTransition];
        const missing = wanted.filter((w) => !offered.some((o) => o.toLowerCase() === w.toLowerCase()));
        if (missing.length === 0) return pass(name, `${key} offers "${wanted.join('" and "')}"`);
        return fail(
          name,
          `${key} does not offer ${missing.map((m) => `"${m}"`).join(' or ')}; its workflow offers ${offered.map((o) => `"${o}"`).join(', ') || 'no transitions'}`,
          `set acceptance.acceptTransition / rejectTransition of team ${team.id} in the team file to the workflow's names (one of ${offered.map((o) => `"${o}"`).join(', ')})`,
        );
      });
      return check as DoctorCheck;
    }),
  );
}

/** The custom fields the attribution engine reads, and under which name the site has them. */
const ENGINE_FIELDS: { key: 'sprint' | 'storyPoints' | 'team' | 'acceptanceCriteria' | 'targetStart' | 'targetEnd' | 'rank'; label: string; signal: string }[] = [
  { key: 'storyPoints', label: 'Story points', signal: 'estimated story-level work points to the PO' },
  { key: 'sprint', label: 'Sprint', signal: 'items in a sprint point to the PO' },
  { key: 'acceptanceCriteria', label: 'Acceptance criteria', signal: 'acceptance criteria point to the PO' },
  { key: 'targetStart', label: 'Target start', signal: 'roadmap dates point to the PM' },
  { key: 'targetEnd', label: 'Target end', signal: 'roadmap dates point to the PM' },
  { key: 'team', label: 'Team', signal: 'the Team field maps items to teams' },
  { key: 'rank', label: 'Rank', signal: 'backlog order' },
];

export function checkCustomFields(clients: JiraClients): Promise<DoctorCheck[]> {
  return guarded('Jira custom fields', JIRA_ACCESS, async () => {
    const fields = (await clients.gate.run('fields', () => clients.platform.issueFields.getFields())) as unknown as FieldDescription[];
    const map = fieldMapFromFields(fields);
    const nameOf = (id: string) => fields.find((f) => f.id === id)?.name ?? id;
    return ENGINE_FIELDS.map(({ key, label, signal }) => {
      const name = `Jira field "${label}"`;
      const ids = key === 'storyPoints' ? map.storyPoints : map[key] ? [map[key] as string] : [];
      if (ids.length > 0) return pass(name, `found as ${ids.map((id) => `"${nameOf(id)}" (${id})`).join(', ')}`);
      return fail(name, `not found on the site, so the signal "${signal}" never fires`, `if the site has this field under another name, rename it to "${label}" (who-owns finds it by its type or that name); if the site does not use it, this signal stays off`);
    });
  });
}
