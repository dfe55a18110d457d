import type { TeamProfile } from '../team.js';
import type { Verdict } from '../verdict.js';
import type { OwnershipDecision, WorkItem } from '../work-item.js';
import { attributeItem, teamIndexOf } from './attribute-item.js';
import type { SiteAdjustment } from '../learning/site-adjustment.js';

/**
 * Attributes a batch, parents before children so the parent-chain signal sees its parent's
 * verdict. Items whose parent is outside the batch may pass its verdict in `knownVerdicts`.
 */
export function attributeAll(
  items: readonly WorkItem[],
  teams: readonly TeamProfile[],
  decisions: ReadonlyMap<string, OwnershipDecision> = new Map(),
  knownVerdicts: ReadonlyMap<string, Pick<Verdict, 'key' | 'role'>> = new Map(),
  adjustment: SiteAdjustment | null = null,
): Verdict[] {
  const index = teamIndexOf(teams);
  const byKey = new Map(items.map((item) => [item.key, item]));
  const done = new Map<string, Verdict>();
  const visiting = new Set<string>();

  function visit(item: WorkItem): Verdict {
    const existing = done.get(item.key);
    if (existing) return existing;
    visiting.add(item.key);
    let parent: Pick<Verdict, 'key' | 'role'> | undefined;
    if (item.parentKey) {
      const parentItem = byKey.get(item.parentKey);
      // A parent cycle (broken data) is cut rather than followed.
      parent = parentItem && !visiting.has(parentItem.key) ? visit(parentItem) : knownVerdicts.get(item.parentKey);
    }
    const verdict = attributeItem(item, { teams: index, parent, decision: decisions.get(item.key) ?? null, adjustment });
    visiting.delete(item.key);
    done.set(item.key, verdict);
    return verdict;
  }

  const verdicts: Verdict[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as WorkItem;
    // Most items have no parent in the batch: attribute them directly, without the bookkeeping.
    verdicts[i] = item.parentKey === null && decisions.size === 0 && !done.has(item.key)
      ? attributeItem(item, { teams: index, adjustment })
      : visit(item);
  }
  return verdicts;
}
