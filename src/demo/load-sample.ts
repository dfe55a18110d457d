import type { Version3Client } from 'jira.js';
import { loadConfig } from '../../config/load-config.js';
import type { Config } from '../../config/schema.js';
import { attributeAll } from '../domain/attribution/attribute-all.js';
import type { StatusChange } from '../domain/acceptance/acceptance-queue.js';
import type { Verdict } from '../domain/verdict.js';
import type { WorkItem } from '../domain/work-item.js';
import { fetchStatusChanges } from '../jira/changelog.js';
import { fetchFieldMap, fetchItems, scopeCondition } from '../jira/jira-source.js';
import { jiraClientsFromEnv } from '../runtime/adapters.js';
import { startSampleJiraServer } from './sample-jira-server.js';

export const SAMPLE_TEAM_FILE = 'samples/who-owns.yaml';
export const SAMPLE_SITE_DIR = 'samples/jira';
/** The sample site is a snapshot taken on this Monday morning; the demo runs "as of" it. */
export const SAMPLE_NOW = new Date('2026-11-23T10:30:00Z');

export interface SampleData {
  config: Config;
  items: WorkItem[];
  verdicts: Verdict[];
  /** Status changes per item key, from the changelog. */
  statusChanges: Map<string, StatusChange[]>;
  /** Projects on the site that no team claims (read anyway, to show unmatched items). */
  unclaimedProjects: string[];
  requests: number;
  now: Date;
}

/**
 * Loads the bundled sample site the way a sync loads a real one: jira.js against a Jira
 * REST server (here on loopback), field discovery, paging, normalisation, attribution.
 */
export async function loadSample(options: { teamFile?: string; siteDir?: string } = {}): Promise<SampleData> {
  const server = await startSampleJiraServer(options.siteDir ?? SAMPLE_SITE_DIR);
  try {
    // The demo is configured like a real install, pointed at the loopback site.
    const config = loadConfig({ JIRA_BASE_URL: server.url, JIRA_EMAIL: 'demo@example.com', JIRA_API_TOKEN: 'demo' }, options.teamFile ?? SAMPLE_TEAM_FILE);
    const clients = jiraClientsFromEnv(config.env);
    if (!clients) throw new Error('the demo site is configured');
    const fieldMap = await fetchFieldMap(clients);
    const teams = config.teams.teams;
    const claimed = new Set(teams.flatMap((t) => t.jira.projects));
    // The demo reads every project on the site, so items no team claims show up as unmatched.
    const page = await (clients.platform as Version3Client).projects.searchProjects();
    const siteProjects = (page.values ?? []).map((p) => p.key).filter((k): k is string => Boolean(k));
    const unclaimedProjects = siteProjects.filter((p) => !claimed.has(p));
    const jql = scopeCondition({ projects: [...claimed, ...unclaimedProjects], components: teams.flatMap((t) => t.jira.components) });
    const { items } = await fetchItems(clients, jql, fieldMap, server.siteUrl);
    const verdicts = attributeAll(items, teams);
    const statusChanges = await fetchStatusChanges(clients, items);
    return { config, items, verdicts, statusChanges, unclaimedProjects, requests: server.requests, now: SAMPLE_NOW };
  } finally {
    await server.close();
  }
}
