// `init` surveys a site no team file describes yet (projects, boards, fields, workflows) to
// propose one: adapter code over the Slack and Jira clients, not a use case of the reader sync works through.
import type { webApi } from '@slack/bolt';
import type { Version2Client, Version3Client } from 'jira.js';
import { transitionsOfWaitingItem, type WaitingItemTransitions } from '../jira/acceptance-workflow.js';
import { type FieldDescription, type FieldMap, fieldMapFromFields } from '../jira/field-map.js';
import type { JiraClients } from '../jira/jira-clients.js';

/** Statuses that usually mean "done by the team, waiting for the PO" (the team file's default). */
export const USUAL_ACCEPTANCE_STATUSES = ['Ready for acceptance', 'Awaiting acceptance', 'In Review', 'Resolved'];

export interface SurveyedProject {
  key: string;
  name: string;
  lead?: { accountId?: string; name?: string; email?: string; displayName?: string };
  boards: number[];
  /** Read from an item waiting for acceptance, when one does. */
  acceptance?: WaitingItemTransitions;
}

export interface SiteSurvey {
  projects: SurveyedProject[];
  fields: FieldMap;
  fieldNames: Record<string, string>;
  channels: { id: string; name: string; isMember: boolean }[];
}

interface JiraProject {
  key?: string;
  name?: string;
  lead?: { accountId?: string; name?: string; emailAddress?: string; displayName?: string };
}

async function listProjects(clients: JiraClients): Promise<JiraProject[]> {
  if (clients.settings.deployment === 'datacenter') {
    // Data Center lists every project in one answer (jira.js has no method for it).
    return clients.gate.run('projects', () => (clients.platform as Version2Client).sendRequest<JiraProject[]>({ url: '/rest/api/2/project', method: 'GET', params: { expand: 'lead' } }, undefined as never));
  }
  const projects: JiraProject[] = [];
  for (let startAt = 0; ; ) {
    const page = await clients.gate.run('projects', () => (clients.platform as Version3Client).projects.searchProjects({ startAt, maxResults: 50, expand: 'lead' }));
    projects.push(...((page.values ?? []) as JiraProject[]));
    startAt += page.values?.length ?? 0;
    if (page.isLast !== false || !page.values?.length) return projects;
  }
}

async function listBoards(clients: JiraClients): Promise<{ id: number; projectKey?: string }[]> {
  const boards: { id: number; projectKey?: string }[] = [];
  for (let startAt = 0; ; ) {
    const page = await clients.gate.run('boards', () => clients.agile.board.getAllBoards({ startAt, maxResults: 50 }));
    for (const b of page.values ?? []) if (b.id) boards.push({ id: b.id, ...(b.location?.projectKey ? { projectKey: b.location.projectKey } : {}) });
    startAt += page.values?.length ?? 0;
    if (page.isLast !== false || !page.values?.length) return boards;
  }
}

async function listChannels(slack: webApi.WebClient): Promise<SiteSurvey['channels']> {
  const channels: SiteSurvey['channels'] = [];
  let cursor: string | undefined;
  do {
    const page = await slack.conversations.list({ types: 'public_channel,private_channel', exclude_archived: true, limit: 200, ...(cursor ? { cursor } : {}) });
    for (const c of page.channels ?? []) if (c.id && c.name) channels.push({ id: c.id, name: c.name, isMember: Boolean(c.is_member) });
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return channels;
}

/** What `who-owns init` proposes teams from: the site's projects, boards, workflows and fields, and the workspace's channels. */
export async function surveySite(clients: JiraClients, slack: webApi.WebClient | undefined): Promise<SiteSurvey> {
  const [projects, boards, fields, channels] = await Promise.all([
    listProjects(clients),
    listBoards(clients),
    clients.gate.run('fields', () => clients.platform.issueFields.getFields()) as unknown as Promise<FieldDescription[]>,
    slack ? listChannels(slack) : Promise.resolve([]),
  ]);
  const surveyed = await Promise.all(
    projects
      .filter((p): p is JiraProject & { key: string } => Boolean(p.key))
      .map(async (p): Promise<SurveyedProject> => {
        const acceptance = await transitionsOfWaitingItem(clients, p.key, USUAL_ACCEPTANCE_STATUSES);
        const lead = p.lead ? { ...(p.lead.accountId ? { accountId: p.lead.accountId } : {}), ...(p.lead.name ? { name: p.lead.name } : {}), ...(p.lead.emailAddress ? { email: p.lead.emailAddress } : {}), ...(p.lead.displayName ? { displayName: p.lead.displayName } : {}) } : undefined;
        return { key: p.key, name: p.name ?? p.key, boards: boards.filter((b) => b.projectKey === p.key).map((b) => b.id), ...(lead ? { lead } : {}), ...(acceptance ? { acceptance } : {}) };
      }),
  );
  return { projects: surveyed, fields: fieldMapFromFields(fields), fieldNames: Object.fromEntries(fields.map((f) => [f.id, f.name ?? f.id])), channels };
}
