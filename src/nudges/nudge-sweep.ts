import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { type NudgeCandidate, recordNudges, selectNudges } from '../domain/nudges/select-nudges.js';
import type { Resolution } from '../domain/resolution.js';
import type { TeamProfile } from '../domain/team.js';
import type { OwnershipDecision } from '../domain/work-item.js';
import type { Logger } from '../logger.js';
import type { ItemStore, NudgeLedger, Outbox } from '../ports.js';
import { renderEscalation, renderNudgeMessage } from '../views/nudge-blocks.js';
import { metrics } from '../metrics.js';

export interface NudgeDeps {
  items: ItemStore;
  ledger: NudgeLedger;
  outbox: Outbox;
  /** Jira account of who-owns: its own edits never cause a nudge. */
  botAccountId?: string;
  logger?: Logger;
}

export interface SweepResult {
  teamId: string;
  nudged: string[];
  escalated: string[];
  deferUntil?: string;
  skipped: string[];
}

function digest(keys: readonly string[]): string {
  return createHash('sha256').update(keys.join(',')).digest('hex').slice(0, 12);
}

function targets(team: TeamProfile): string[] {
  if (team.nudges.target === 'dm') return [team.po?.slack, team.pm?.slack].filter((s): s is string => Boolean(s)).filter((s, i, all) => all.indexOf(s) === i);
  return team.channel ? [team.channel] : [];
}

/**
 * One nudge run for a team: reads the items needing attention, applies the policy and sends
 * at most one message per target (rest in its thread) plus one escalation. Message ids are
 * derived from the team, the local day and the items, so a retried run posts nothing twice.
 */
export async function runNudgeSweep(deps: NudgeDeps, team: TeamProfile, now: Date): Promise<SweepResult> {
  const keys = await deps.items.attentionKeys(team.id);
  const [items, verdicts] = await Promise.all([deps.items.getItems(keys), deps.items.getVerdicts(keys)]);
  const candidates: NudgeCandidate[] = [];
  keys.forEach((_, i) => {
    const item = items[i];
    const verdict = verdicts[i];
    if (item && verdict) candidates.push({ item, verdict });
  });
  const day = DateTime.fromJSDate(now, { zone: team.timezone }).toISODate() ?? now.toISOString().slice(0, 10);
  const ledger = await deps.ledger.load(team.id);
  const sentToday = await deps.ledger.sentOn(team.id, day);
  const plan = selectNudges({ team, candidates, ledger, now, sentToday, botAccountId: deps.botAccountId });
  const to = targets(team);
  if (to.length === 0 && (plan.nudge.length || plan.escalate.length)) plan.skipped.push(`no ${team.nudges.target === 'dm' ? 'PO/PM Slack id' : 'channel'} configured for ${team.id}`);
  if (plan.nudge.length && to.length) {
    const setId = digest(plan.nudge.map((c) => c.item.key));
    const rendered = renderNudgeMessage({ teamName: team.name, items: plan.nudge, topN: team.nudges.topN });
    for (const channel of to) {
      const id = `nudge:${team.id}:${channel}:${day}:${setId}`;
      await deps.outbox.enqueue({ id, channel, text: rendered.main.text, blocks: rendered.main.blocks });
      const threadIds = rendered.threads.map((_, i) => (i === 0 ? `${id}:thread` : `${id}:thread:${i + 1}`));
      for (const [i, thread] of rendered.threads.entries()) await deps.outbox.enqueue({ id: threadIds[i] as string, channel, text: thread.text, blocks: thread.blocks, threadOf: id });
      await deps.ledger.saveMessage({ outgoingId: id, ...(threadIds.length ? { threadId: threadIds[0], threadIds } : {}), parts: rendered.parts, channel, teamName: team.name, topN: team.nudges.topN, items: plan.nudge, decided: {}, edits: 0 });
    }
    await deps.ledger.addSent(team.id, day, plan.nudge.length);
    metrics.nudgesSent.inc({ team: team.id }, plan.nudge.length);
  }
  if (plan.escalate.length && to.length) {
    const message = renderEscalation({ teamName: team.name, po: team.po, pm: team.pm, items: plan.escalate, workingDays: team.nudges.escalateAfterDays });
    // One message mentioning both, in the team channel (or the PO's DM when nudges go by DM).
    const channel = to[0] as string;
    await deps.outbox.enqueue({ id: `escalate:${team.id}:${day}:${digest(plan.escalate.map((c) => c.item.key))}`, channel, text: message.text, blocks: message.blocks });
    await deps.ledger.markEscalated(team.id, plan.escalate.map((c) => c.item.key), now);
  }
  if (to.length) await deps.ledger.save(team.id, recordNudges(ledger, plan, now));
  deps.logger?.info({ team: team.id, nudged: plan.nudge.length, escalated: plan.escalate.length, capped: plan.capped.length }, 'nudge sweep');
  return { teamId: team.id, nudged: to.length ? plan.nudge.map((c) => c.item.key) : [], escalated: to.length ? plan.escalate.map((c) => c.item.key) : [], ...(plan.deferUntil ? { deferUntil: plan.deferUntil.toISOString() } : {}), skipped: plan.skipped };
}

/**
 * Called when an item is resolved: its line in the nudge message becomes "✅ KEY — role, by …"
 * for a decision, "✅ KEY — role, no decision needed: <why>" for an item a refit or a sync made
 * clear, edited in place through the Outbox (never a new post), and the item leaves the
 * escalation list. No nudge for the item, or its line already says so: nothing happens.
 */
export async function onResolvedForNudges(deps: Pick<NudgeDeps, 'ledger' | 'outbox'>, key: string, resolution: Resolution): Promise<boolean> {
  const record = await deps.ledger.messageFor(key);
  if (!record) return false;
  const teamId = record.outgoingId.split(':')[1] ?? '';
  if ('decision' in resolution) record.decided[key] = resolution.decision;
  else if (record.decided[key] || record.attributed?.[key]?.role === resolution.attributed.role) return false;
  else record.attributed = { ...record.attributed, [key]: resolution.attributed };
  record.edits++;
  const parts = record.parts ?? [record.topN, Math.max(0, record.items.length - record.topN)];
  const rendered = renderNudgeMessage({ teamName: record.teamName, items: record.items, topN: record.topN, decided: record.decided, ...(record.attributed ? { attributed: record.attributed } : {}), parts });
  // Which message lists the item: 0 is the channel message, i > 0 the i-th thread reply.
  const index = record.items.findIndex((c) => c.item.key === key);
  let part = 0;
  for (let end = parts[0] ?? 0; index >= end && part < parts.length - 1; end += parts[part] ?? 0) part++;
  const threadIds = record.threadIds ?? (record.threadId ? [record.threadId] : []);
  const target = part === 0 ? record.outgoingId : threadIds[part - 1];
  const message = part === 0 ? rendered.main : rendered.threads[part - 1];
  if (!target || !message) return false;
  await deps.outbox.enqueue({ id: `${target}:edit:${record.edits}`, channel: record.channel, text: message.text, blocks: message.blocks, updateOf: target });
  await deps.ledger.saveMessage(record);
  await deps.ledger.resolved(teamId, key);
  return true;
}

/** Called when an item is decided in Slack. */
export function onDecisionForNudges(deps: Pick<NudgeDeps, 'ledger' | 'outbox'>, key: string, decision: OwnershipDecision): Promise<boolean> {
  return onResolvedForNudges(deps, key, { decision });
}

/** Items escalated to PO and PM and not decided since, for the weekly digest. */
export async function escalatedItems(ledger: NudgeLedger, teamId: string): Promise<{ key: string; escalatedAt: string }[]> {
  return ledger.escalated(teamId);
}
