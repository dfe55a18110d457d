import { attributeItem } from '../domain/attribution/attribute-item.js';
import type { TeamProfile } from '../domain/team.js';
import type { Verdict } from '../domain/verdict.js';
import type { WorkItem } from '../domain/work-item.js';
import type { DecisionStore, ItemStore, JiraReader, LearnedState } from '../ports.js';

export interface LiveReadDeps {
  jira: JiraReader;
  items: ItemStore;
  decisions: Pick<DecisionStore, 'latest'>;
  /** What the site's decisions taught attribution. */
  learned?: Pick<LearnedState, 'adjustment'>;
  teams: readonly TeamProfile[];
}

/**
 * Reads one issue from Jira and attributes it as a sync would: with the decision recorded in
 * Slack and the stored verdict of its parent. Null when Jira does not have the item or the
 * bot's account cannot see it. Nothing is stored.
 */
export async function readLive(deps: LiveReadDeps, key: string): Promise<{ item: WorkItem; verdict: Verdict } | null> {
  const item = (await deps.jira.fetch([key])).items[0];
  if (!item) return null;
  const [decision, parent, adjustment] = await Promise.all([deps.decisions.latest(item.key), item.parentKey ? deps.items.getVerdict(item.parentKey) : null, deps.learned ? deps.learned.adjustment() : null]);
  return { item, verdict: attributeItem(item, { teams: deps.teams, decision, adjustment, ...(parent ? { parent } : {}) }) };
}
