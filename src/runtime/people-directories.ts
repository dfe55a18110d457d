import type { webApi } from '@slack/bolt';
import type { Config } from '../../config/schema.js';
import { createJiraClients, jiraSiteFromEnv } from '../jira/jira-clients.js';
import { jiraLookupByEmail } from '../jira/jira-people.js';
import type { LookupByEmail, PersonDirectory } from '../people/person-lookup.js';
import { slackLookupByEmail } from '../slack/slack-people.js';

/** The Slack workspace and Jira site people are looked up in, as far as they are configured. */
export function peopleDirectories(env: Config['env'], slack: webApi.WebClient | undefined): Partial<Record<PersonDirectory, LookupByEmail>> {
  const site = jiraSiteFromEnv(env);
  return {
    ...(slack ? { slack: slackLookupByEmail(slack) } : {}),
    ...(site ? { jira: jiraLookupByEmail(createJiraClients(site)) } : {}),
  };
}
