import { NOT_APPLICABLE } from '../verdict.js';
import type { Resolution } from '../resolution.js';
import type { WeeklyDigest } from './build-digest.js';

/** How many entries per section a posted digest lists; the rest sit behind a "see all" link. */
export const DIGEST_SECTION_LIMIT = 5;

/** Full section sizes, kept when the lists are cut so counts stay right. */
export interface DigestTotals {
  attention: number;
  acceptance: number;
  roadmap: number;
  resolved: number;
}

export function digestTotals(digest: WeeklyDigest): DigestTotals {
  return (
    digest.totals ?? {
      attention: digest.attention.length,
      acceptance: digest.acceptance.length,
      roadmap: digest.roadmap.length,
      resolved: digest.resolved.length,
    }
  );
}

/**
 * Keeps the worst `limit` entries of each section and the full counts: what a posted digest
 * shows and what is stored to edit it later (bounded, whatever the team's size).
 */
export function shrinkDigest(digest: WeeklyDigest, limit = DIGEST_SECTION_LIMIT): WeeklyDigest {
  return {
    ...digest,
    totals: digestTotals(digest),
    attention: digest.attention.slice(0, limit),
    acceptance: digest.acceptance.slice(0, limit),
    roadmap: digest.roadmap.slice(0, limit),
    resolved: digest.resolved.slice(-limit),
  };
}

/**
 * The digest after a listed item was resolved during the week: the item is ticked where it is
 * listed and leaves the "needs an owner" count. A decision also joins "resolved", with thanks
 * to who decided; an item that became clear without one is ticked with the reason. Returns
 * null when nothing changes (item not in the digest's attention list, or already ticked) so
 * no edit is sent.
 */
export function applyResolutionToDigest(digest: WeeklyDigest, key: string, resolution: Resolution): WeeklyDigest | null {
  const ticked = digest.ticked ?? {};
  if (ticked[key]) return null;
  const listed = digest.attention.some((e) => e.item.key === key);
  if (!listed) return null;
  const totals = digestTotals(digest);
  if ('attributed' in resolution) {
    const { role, why } = resolution.attributed;
    return { ...digest, ticked: { ...ticked, [key]: { role, why } }, totals: { ...totals, attention: Math.max(0, totals.attention - 1) } };
  }
  const { decision } = resolution;
  const role = decision.role === NOT_APPLICABLE ? 'n/a' : decision.role;
  return {
    ...digest,
    ticked: { ...ticked, [key]: { role, by: decision.decidedBy } },
    totals: { ...totals, attention: Math.max(0, totals.attention - 1), resolved: totals.resolved + 1 },
    resolved: [...digest.resolved, { key, decision }].slice(-DIGEST_SECTION_LIMIT),
  };
}
