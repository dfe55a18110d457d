import type { Version2Client, Version3Client } from 'jira.js';
import type { LookupByEmail } from '../people/person-lookup.js';
import type { JiraClients } from './jira-clients.js';

interface JiraUser {
  accountId?: string;
  name?: string;
  emailAddress?: string;
  active?: boolean;
  accountType?: string;
}

/**
 * Jira accounts by email: Cloud searches `query` (account ids), Data Center `username`, which
 * also matches emails (user names). The search matches prefixes and names too, so only accounts
 * showing this exact email count; on Cloud, where email visibility may hide it, a single active
 * human account found by the email is taken.
 */
export function jiraLookupByEmail(clients: JiraClients): LookupByEmail {
  const cloud = clients.settings.deployment === 'cloud';
  return async (email) => {
    const users = (await clients.gate.run('user search', () =>
      cloud ? (clients.platform as Version3Client).userSearch.findUsers({ query: email, maxResults: 10 }) : (clients.platform as Version2Client).userSearch.findUsers({ username: email, maxResults: 10 }),
    )) as JiraUser[];
    const idOf = (u: JiraUser) => (cloud ? u.accountId : u.name);
    const active = users.filter((u) => u.active !== false && (!cloud || !u.accountType || u.accountType === 'atlassian') && idOf(u));
    const exact = active.filter((u) => u.emailAddress?.toLowerCase() === email.toLowerCase());
    const hidden = cloud && exact.length === 0 ? active.filter((u) => !u.emailAddress) : [];
    const matches = exact.length > 0 ? exact : hidden;
    if (matches.length === 0) return { status: 'not-found' };
    if (matches.length > 1) return { status: 'ambiguous', candidates: matches.map((u) => String(idOf(u))) };
    return { status: 'resolved', id: String(idOf(matches[0] as JiraUser)) };
  };
}
