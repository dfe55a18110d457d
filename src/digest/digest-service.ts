import type { AcceptanceEntry } from '../domain/acceptance/acceptance-queue.js';
import { buildAcceptanceQueue } from '../domain/acceptance/acceptance-queue.js';
import { buildWeeklyDigest, type DigestEntry, type WeeklyDigest } from '../domain/digest/build-digest.js';
import { applyResolutionToDigest, digestTotals, shrinkDigest } from '../domain/digest/digest-edits.js';
import { digestMessageId, digestPeriod } from '../domain/digest/digest-period.js';
import type { Resolution } from '../domain/resolution.js';
import type { TeamProfile } from '../domain/team.js';
import type { OwnershipDecision, WorkItem } from '../domain/work-item.js';
import type { Clock, DecisionStore, DigestLedger, DigestRun, ItemStore, LearnedState, Outbox } from '../ports.js';
import { renderDigestBlocks } from '../views/digest-blocks.js';
import { renderDigestThread } from '../views/digest-thread.js';
import { metrics } from '../metrics.js';

export interface DigestDeps {
  teams: readonly TeamProfile[];
  items: ItemStore;
  /** Decisions recorded in Slack: the week's "resolved by" credits. */
  decisions: Pick<DecisionStore, 'latestMany'>;
  outbox: Outbox;
  ledger: DigestLedger;
  clock: Clock;
  /** The acceptance queue of a team; swap in another computation here. */
  acceptanceQueue?: (team: TeamProfile, items: readonly WorkItem[], now: Date) => AcceptanceEntry[];
  /** Rules the site's decisions suggest: each is offered in one digest only. */
  learned?: Pick<LearnedState, 'unoffered' | 'markOffered'>;
}

/** Suggestions offered in one digest at most. */
const SUGGESTIONS_PER_DIGEST = 3;

export type DigestResult =
  | { status: 'sent' | 'already-sent'; messageId: string; period: string; totals: ReturnType<typeof digestTotals> }
  | { status: 'skipped'; reason: string };

function defaultAcceptanceQueue(team: TeamProfile, items: readonly WorkItem[], now: Date): AcceptanceEntry[] {
  return buildAcceptanceQueue(items, team, now);
}

/** A team's items and verdicts from the store, as digest entries. */
export async function loadDigestEntries(items: ItemStore, teamId: string): Promise<DigestEntry[]> {
  const keys = await items.teamItemKeys(teamId);
  const [found, verdicts] = await Promise.all([items.getItems(keys), items.getVerdicts(keys)]);
  const entries: DigestEntry[] = [];
  found.forEach((item, i) => {
    const verdict = verdicts[i];
    if (item && verdict) entries.push({ item, verdict });
  });
  return entries;
}

async function decisionsSince(deps: Pick<DigestDeps, 'decisions'>, entries: readonly DigestEntry[], since: string): Promise<{ key: string; decision: OwnershipDecision }[]> {
  const keys = entries.map((e) => e.item.key);
  const latest = await deps.decisions.latestMany(keys);
  return [...latest.entries()]
    .filter(([, d]) => d.decidedAt >= since)
    .map(([key, decision]) => ({ key, decision }))
    .sort((a, b) => a.decision.decidedAt.localeCompare(b.decision.decidedAt));
}

/** The stored digest with the week's decisions applied, ready to post or edit. */
async function currentDigest(ledger: DigestLedger, messageId: string, base: WeeklyDigest): Promise<WeeklyDigest> {
  let digest = base;
  for (const { key, resolution } of await ledger.ticks(messageId)) digest = applyResolutionToDigest(digest, key, resolution) ?? digest;
  return digest;
}

async function enqueueThread(deps: DigestDeps, channel: string, messageId: string): Promise<void> {
  const thread = await deps.ledger.thread(messageId);
  if (thread) await deps.outbox.enqueue({ id: `${messageId}:more`, channel, threadOf: messageId, ...thread });
}

/**
 * A team's digest for a period as it stands now: its items, acceptance queue, the decisions
 * since the last digest and last week's counts. The worker posts it; `who-owns digest`
 * previews it.
 */
export async function composeDigest(deps: Pick<DigestDeps, 'items' | 'decisions' | 'ledger' | 'acceptanceQueue' | 'learned'>, team: TeamProfile, period: string, now: Date): Promise<{ digest: WeeklyDigest; previous?: DigestRun }> {
  const last = await deps.ledger.lastRun(team.id);
  const previous = last && last.period !== period ? last : last?.previous;
  const entries = await loadDigestEntries(deps.items, team.id);
  const since = previous?.sentAt ?? new Date(now.getTime() - 7 * 86_400_000).toISOString();
  const acceptance = (deps.acceptanceQueue ?? defaultAcceptanceQueue)(
    team,
    entries.map((e) => e.item),
    now,
  );
  const digest = buildWeeklyDigest({
    team,
    entries,
    acceptance,
    now,
    week: period,
    decisions: await decisionsSince(deps, entries, since),
    ...(previous ? { lastWeekByRole: previous.byRole } : {}),
  });
  const suggestions = deps.learned ? (await deps.learned.unoffered(team.id)).slice(0, SUGGESTIONS_PER_DIGEST) : [];
  return { digest: suggestions.length > 0 ? { ...digest, suggestions } : digest, ...(previous ? { previous } : {}) };
}

/**
 * Builds and posts one team's digest for the period `at` falls in. The message id is
 * deterministic per channel and period, so a retry, a second worker or a catch-up after a
 * crash never posts twice: the Outbox ignores an id it already has.
 */
export async function sendDigest(deps: DigestDeps, teamId: string, at?: Date): Promise<DigestResult> {
  const team = deps.teams.find((t) => t.id === teamId);
  if (!team) return { status: 'skipped', reason: `team ${teamId} is no longer in the team file` };
  if (!team.digest.enabled || !team.channel) return { status: 'skipped', reason: `team ${teamId} has no digest channel` };
  const now = deps.clock.now();
  const zone = team.digest.timezone ?? team.timezone;
  const period = digestPeriod(at ?? now, zone);
  const messageId = digestMessageId(team.channel, team.id, period);

  const stored = await deps.ledger.posted(messageId);
  if (stored) {
    // Built before (a retry or a second worker): re-enqueueing the same id is a no-op once delivered.
    const digest = await currentDigest(deps.ledger, messageId, stored);
    await deps.outbox.enqueue({ id: messageId, channel: team.channel, ...renderDigestBlocks(digest) });
    await enqueueThread(deps, team.channel, messageId);
    return { status: 'already-sent', messageId, period, totals: digestTotals(digest) };
  }

  const { digest: full, previous } = await composeDigest(deps, team, period, now);
  // The thread is stored first, so a crash after the claim still finds it on the retry.
  const thread = renderDigestThread(full);
  if (thread) await deps.ledger.claimThread(messageId, thread);
  const { digest, won } = await deps.ledger.claimPosted(messageId, shrinkDigest(full));
  if (won) {
    const run: DigestRun = { period, byRole: digest.balance.byRole, sentAt: now.toISOString(), ...(previous ? { previous } : {}) };
    await deps.ledger.saveRun(team.id, run);
    await deps.learned?.markOffered((digest.suggestions ?? []).map((s) => s.id));
    metrics.digestsSent.inc({ team: team.id });
  }
  await deps.outbox.enqueue({ id: messageId, channel: team.channel, ...renderDigestBlocks(await currentDigest(deps.ledger, messageId, digest)) });
  await enqueueThread(deps, team.channel, messageId);
  return { status: won ? 'sent' : 'already-sent', messageId, period, totals: digestTotals(digest) };
}

/**
 * When an item listed in this week's digest is resolved (decided, or given a clear verdict by
 * a refit or a sync), the digest message is edited in place (the item ticked, counts moved)
 * through the Outbox.
 */
export async function onResolvedForDigest(deps: Pick<DigestDeps, 'teams' | 'outbox' | 'ledger' | 'clock'>, key: string, resolution: Resolution): Promise<string[]> {
  const edited: string[] = [];
  for (const team of deps.teams) {
    if (!team.digest.enabled || !team.channel) continue;
    const messageId = digestMessageId(team.channel, team.id, digestPeriod(deps.clock.now(), team.digest.timezone ?? team.timezone));
    const stored = await deps.ledger.posted(messageId);
    if (!stored?.attention.some((e) => e.item.key === key)) continue;
    if (!(await deps.ledger.addTick(messageId, key, resolution))) continue;
    const digest = await currentDigest(deps.ledger, messageId, stored);
    const ticks = Object.keys(digest.ticked ?? {}).length;
    await deps.outbox.enqueue({ id: `${messageId}:edit:${ticks}:${key}`, channel: team.channel, updateOf: messageId, ...renderDigestBlocks(digest) });
    edited.push(messageId);
  }
  return edited;
}

/** Decision hook: a decision clicked in Slack ticks the item in this week's digest. */
export function onDecisionForDigest(deps: Pick<DigestDeps, 'teams' | 'outbox' | 'ledger' | 'clock'>, key: string, decision: OwnershipDecision): Promise<string[]> {
  return onResolvedForDigest(deps, key, { decision });
}
