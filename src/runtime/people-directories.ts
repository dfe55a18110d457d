import type { webApi } from '@slack/bolt';
import type { JiraClients } from '../jira/jira-clients.js';
import { jiraLookupByEmail } from '../jira/jira-people.js';
import type { LookupByEmail, PersonDirectory } from '../people/person-lookup.js';
import { slackLookupByEmail } from '../slack/slack-people.js';

/** The Slack workspace and Jira site people are looked up in, as far as they are configured. */
export function peopleDirectories(slack: webApi.WebClient | undefined, jira: JiraClients | undefined): Partial<Record<PersonDirectory, LookupByEmail>> {
  return {
    ...(slack ? { slack: slackLookupByEmail(slack) } : {}),
    ...(jira ? { jira: jiraLookupByEmail(jira) } : {}),
  };
}
