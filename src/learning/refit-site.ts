import { attentionChanges } from '../domain/attention-changes.js';
import { attributeAll } from '../domain/attribution/attribute-all.js';
import { SHIPPED_MODEL, teamIndexOf } from '../domain/attribution/attribute-item.js';
import { fitSiteAdjustment } from '../domain/learning/fit-site-adjustment.js';
import { emptyAdjustment, loadSiteAdjustment } from '../domain/learning/site-adjustment.js';
import { suggestRules } from '../domain/learning/suggest-rules.js';
import { type DecidedItem, siteExamples } from '../domain/learning/site-examples.js';
import type { TeamProfile } from '../domain/team.js';
import type { Verdict } from '../domain/verdict.js';
import type { WorkItem } from '../domain/work-item.js';
import type { DecisionStore, EventSink, ItemStore, LearnedState } from '../ports.js';

export interface RefitDeps {
  store: ItemStore;
  decisions: Pick<DecisionStore, 'latestMany'>;
  learned: LearnedState;
  teams: readonly TeamProfile[];
  /** Told which items newly need attention after the refit, and which no longer do (nudges and digests react). */
  events?: EventSink;
}

export interface RefitSummary {
  /** Decisions the offsets were fitted on, and by how many people. */
  decisions: number;
  people: number;
  items: number;
  /** Items whose verdict the refit changed (and stored). */
  changed: number;
}

/**
 * Fits the site's offsets again from every decision in force, stores them, and re-attributes
 * the site's items with them. A verdict that changes is stored and, when it newly needs
 * attention or no longer does, announced as a sync would; a decided item keeps its decision.
 */
export async function refitSite(deps: RefitDeps): Promise<RefitSummary> {
  const keys = [...new Set((await Promise.all(deps.teams.map((t) => deps.store.teamItemKeys(t.id)))).flat())].sort();
  const [found, stored, decisions] = await Promise.all([deps.store.getItems(keys), deps.store.getVerdicts(keys), deps.decisions.latestMany(keys)]);
  const items = found.filter((i): i is WorkItem => i !== null);
  const before = new Map(stored.filter((v): v is Verdict => v !== null).map((v) => [v.key, v]));
  const decided: DecidedItem[] = [];
  for (const item of items) {
    const decision = decisions.get(item.key) ?? item.decision;
    if (decision) decided.push({ item, decision, teamId: before.get(item.key)?.teamId ?? null, parent: item.parentKey ? before.get(item.parentKey) : undefined });
  }
  const { examples, people } = siteExamples(decided, teamIndexOf(deps.teams), SHIPPED_MODEL.classes);
  const [settled, adopted] = await Promise.all([deps.learned.settled(), deps.learned.adopted()]);
  await deps.learned.saveSuggestions(suggestRules(examples, settled));
  const fitted = fitSiteAdjustment(SHIPPED_MODEL, examples, people);
  const file = adopted.length > 0 ? { ...(fitted ?? emptyAdjustment(SHIPPED_MODEL.version, SHIPPED_MODEL.classes)), rules: adopted } : fitted;
  await deps.learned.save(file);
  const fresh = attributeAll(items, deps.teams, decisions, before, file ? loadSiteAdjustment(file) : null);
  const changed = fresh.filter((v) => JSON.stringify(v) !== JSON.stringify(before.get(v.key)));
  await deps.store.putVerdicts(changed);
  const { needAttention, resolved } = attentionChanges(before, changed);
  for (const [teamId, keys] of needAttention) await deps.events?.emit('itemsNeedAttention', { teamId, keys });
  for (const [teamId, verdicts] of resolved) await deps.events?.emit('verdictsResolved', { teamId, verdicts });
  return { decisions: fitted?.decisions ?? 0, people, items: items.length, changed: changed.length };
}
