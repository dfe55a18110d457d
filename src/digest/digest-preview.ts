import type { Config } from '../../config/schema.js';
import { loadSample } from '../demo/load-sample.js';
import { peopleNames } from '../demo/who-owns-prompt.js';
import { buildAcceptanceQueue } from '../domain/acceptance/acceptance-queue.js';
import { buildWeeklyDigest, type WeeklyDigest } from '../domain/digest/build-digest.js';
import { shrinkDigest } from '../domain/digest/digest-edits.js';
import { digestPeriod } from '../domain/digest/digest-period.js';
import type { TeamProfile } from '../domain/team.js';
import { composeDigest, type DigestDeps } from './digest-service.js';

export interface DigestPreview {
  digest: WeeklyDigest;
  team: TeamProfile;
  /** Slack ids → names, for the HTML preview's mentions. */
  people: Record<string, string>;
  source: 'sample' | 'store';
}

function findTeam(config: Config, teamId: string): TeamProfile {
  const teams = config.teams.teams;
  const team = teams.find((t) => t.id === teamId);
  if (!team) throw new Error(`No team “${teamId}” in the team file; teams: ${teams.map((t) => t.id).join(', ') || 'none'}`);
  return team;
}

/** The digest of the bundled sample site, read through the Jira adapter as the demo does. */
export async function sampleDigest(teamId: string, teamFile?: string): Promise<DigestPreview> {
  const data = await loadSample(teamFile ? { teamFile } : {});
  const team = findTeam(data.config, teamId);
  const entries = data.items.map((item, i) => ({ item, verdict: data.verdicts[i]! }));
  const teamItems = entries.filter((e) => e.verdict.teamId === team.id).map((e) => e.item);
  const acceptance = buildAcceptanceQueue(teamItems, team, data.now, data.statusChanges);
  const decisions = entries.filter((e) => e.verdict.teamId === team.id && e.item.decision).map((e) => ({ key: e.item.key, decision: e.item.decision! }));
  const week = digestPeriod(data.now, team.digest.timezone ?? team.timezone);
  const digest = buildWeeklyDigest({ team, entries, acceptance, now: data.now, week, decisions });
  return { digest: shrinkDigest(digest), team, people: peopleNames(data.config.teams.teams), source: 'sample' };
}

/** The digest as it would be sent now, from the synced stores (nothing is posted or stored). */
export async function storeDigest(deps: Pick<DigestDeps, 'items' | 'decisions' | 'ledger' | 'learned'>, config: Config, teamId: string, now = new Date()): Promise<DigestPreview> {
  const team = findTeam(config, teamId);
  // The same composition the worker posts, from the same stores, the rules it would offer included.
  const week = digestPeriod(now, team.digest.timezone ?? team.timezone);
  const { digest } = await composeDigest(deps, team, week, now);
  return { digest: shrinkDigest(digest), team, people: peopleNames(config.teams.teams), source: 'store' };
}
