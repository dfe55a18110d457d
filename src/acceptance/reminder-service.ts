import { type AcceptanceEntry, overdueEntries } from '../domain/acceptance/acceptance-queue.js';
import { reminderTiming } from '../domain/acceptance/reminder-timing.js';
import type { TeamProfile } from '../domain/team.js';
import type { AcceptanceState, ItemStore, Outbox } from '../ports.js';
import { renderAcceptanceEscalation, renderAcceptanceReminder } from '../views/acceptance-blocks.js';
import { metrics } from '../metrics.js';
import { acceptanceQueueFor, mirrorReminder, reminderSignature } from './reminder-redraw.js';

/** What Slack tells about a person: their time zone and Do Not Disturb state. */
export interface SlackPresence {
  timeZone(userId: string): Promise<string | undefined>;
  doNotDisturb(userId: string): Promise<{ enabled: boolean; endsAt?: number }>;
}

export interface ReminderDeps {
  items: ItemStore;
  state: AcceptanceState;
  outbox: Outbox;
  presence: SlackPresence;
}

export type ReminderResult =
  | { sent: true; id: string; items: string[]; escalated: string[]; edited: string | null }
  | { sent: false; reason: string; escalated: string[]; edited: string | null };

/**
 * One pass for a team: the PO's daily DM when it is due in their time zone (working day,
 * reminder hour reached, not in Do Not Disturb), and a one-time note in the team channel for
 * items that waited past the limit after enough reminders. Message ids carry the PO's local
 * date, so however often the pass runs, the PO gets one reminder a day. First, the latest
 * reminder is edited if items it listed have left the queue since (in Jira or in Slack).
 */
export async function sendAcceptanceReminders(deps: ReminderDeps, team: TeamProfile, now: Date): Promise<ReminderResult> {
  if (!team.acceptance.enabled) return { sent: false, reason: 'acceptance reminders are off for this team', escalated: [], edited: null };
  const edited = await mirrorReminder(deps, team, now);
  const queue = await acceptanceQueueFor(deps, team, now);
  const reminder = await remind(deps, team, queue, now);
  // Escalation looks at reminders sent so far, this pass's included.
  const escalated = await escalate(deps, team, queue);
  return { ...reminder, escalated, edited };
}

async function remind(deps: ReminderDeps, team: TeamProfile, queue: readonly AcceptanceEntry[], now: Date): Promise<{ sent: true; id: string; items: string[] } | { sent: false; reason: string }> {
  const po = team.po?.slack;
  if (!po) return { sent: false, reason: 'the team has no PO with a Slack id' };
  if (queue.length === 0) return { sent: false, reason: 'nothing waits for acceptance' };
  const zone = (await deps.presence.timeZone(po).catch(() => undefined)) ?? team.timezone;
  const dnd = await deps.presence.doNotDisturb(po).catch(() => ({ enabled: false }));
  const timing = reminderTiming({ now, zone, reminderHour: team.acceptance.reminderHour, workingDays: team.acceptance.workingDays, dnd });
  if (!timing.due) return { sent: false, reason: timing.reason };
  const id = `accept:${team.id}:${po}:${timing.localDate}`;
  if (await deps.state.markReminded(id)) {
    const keys = queue.map((e) => e.item.key);
    // Remembered before it is enqueued: a retried pass sees "already reminded" and would not remember it.
    await deps.state.rememberReminder({ id, teamId: team.id, channel: po, keys, signature: reminderSignature(keys, new Set(keys), {}) });
    const message = renderAcceptanceReminder(team.name, queue, { reminderId: id });
    await deps.outbox.enqueue({ id, channel: po, text: message.text, blocks: message.blocks });
    await deps.state.countReminder(queue.map((e) => e.item.key));
    metrics.remindersSent.inc({ team: team.id, kind: 'reminder' });
    return { sent: true, id, items: queue.map((e) => e.item.key) };
  }
  return { sent: false, reason: 'already reminded today' };
}

async function escalate(deps: ReminderDeps, team: TeamProfile, queue: readonly AcceptanceEntry[]): Promise<string[]> {
  if (!team.channel) return [];
  const raised: string[] = [];
  for (const entry of overdueEntries(queue, team)) {
    const count = await deps.state.reminders(entry.item.key);
    if (count < team.acceptance.escalateAfterReminders || entry.item.securityLevel) continue;
    if (!(await deps.state.markEscalated(entry.item.key))) continue;
    const message = renderAcceptanceEscalation(entry, team.po?.slack, count);
    await deps.outbox.enqueue({ id: `accept-escalation:${team.id}:${entry.item.key}`, channel: team.channel, text: message.text, blocks: message.blocks });
    metrics.remindersSent.inc({ team: team.id, kind: 'escalation' });
    raised.push(entry.item.key);
  }
  return raised;
}
