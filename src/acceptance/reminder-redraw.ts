import { DateTime } from 'luxon';
import { type AcceptanceEntry, buildAcceptanceQueue } from '../domain/acceptance/acceptance-queue.js';
import type { TeamProfile } from '../domain/team.js';
import type { WorkItem } from '../domain/work-item.js';
import type { AcceptanceState, ItemStore, Outbox, ReminderRecord } from '../ports.js';
import { renderAcceptanceReminder } from '../views/acceptance-blocks.js';
import type { SlackMessage } from '../views/verdict-card.js';

export interface RedrawDeps {
  items: ItemStore;
  state: AcceptanceState;
}

/** The team's acceptance queue as the store sees it, snoozed items left out. */
export async function acceptanceQueueFor(deps: RedrawDeps, team: TeamProfile, now: Date): Promise<AcceptanceEntry[]> {
  const keys = await deps.items.awaitingAcceptanceKeys(team.id);
  const items = (await deps.items.getItems(keys)).filter((i): i is WorkItem => i !== null);
  const snoozed = await deps.state.snoozed(keys, now);
  return buildAcceptanceQueue(items.filter((i) => !snoozed.has(i.key)), team, now);
}

/**
 * What a reminder shows, reduced to what changes it: for each listed item, "waiting" or the
 * line it left with. Equal signatures are the same picture, so they are one edit.
 */
export function reminderSignature(keys: readonly string[], waiting: ReadonlySet<string>, left: Readonly<Record<string, string>>): string {
  return JSON.stringify(keys.map((key) => [key, waiting.has(key) ? '' : (left[key] ?? '')]));
}

export function snoozedLine(key: string, until: Date, team: Pick<TeamProfile, 'timezone'>): string {
  return `💤 ${key} snoozed until ${DateTime.fromJSDate(until, { zone: team.timezone }).toISODate()}`;
}

/** The line for an item handled in Slack (its outcome, e.g. "✅ accepted by Priya Nair"). */
export function handledLine(key: string, outcome: string): string {
  return `${key} — ${outcome}`;
}

/** Why a listed item is no longer waiting: handled in Slack, snoozed, or changed in Jira. */
async function departureLine(deps: RedrawDeps, team: TeamProfile, key: string, snoozes: ReadonlyMap<string, Date>): Promise<string> {
  const outcome = await deps.state.handled(key);
  if (outcome) return handledLine(key, outcome);
  const until = snoozes.get(key);
  if (until) return snoozedLine(key, until, team);
  const item = await deps.items.getItem(key);
  if (!item) return `${key} — no longer in Jira for ${team.name}`;
  if (item.statusCategory !== 'done') return `${key} — moved in Jira (now ${item.status})`;
  const accepted = !item.resolution || item.resolution.toLowerCase() === team.acceptance.acceptedResolution.toLowerCase();
  return `${key} — ${accepted ? 'accepted' : 'closed'} in Jira (now ${item.status})`;
}

export interface ReminderPicture {
  message: SlackMessage;
  signature: string;
}

/**
 * A reminder as it should look now. With its record: the listed items still waiting, and a
 * line for each that left (the line is remembered, so it reads the same in every later edit).
 * Without one (a message drawn before reminders were remembered): the whole current queue and
 * the `extraLeft` lines.
 */
export async function drawReminder(deps: RedrawDeps, team: TeamProfile, record: ReminderRecord | null, now: Date, extraLeft: readonly string[] = []): Promise<ReminderPicture> {
  const queue = await acceptanceQueueFor(deps, team, now);
  if (!record) {
    const waiting = new Set(queue.map((e) => e.item.key));
    return { message: renderAcceptanceReminder(team.name, queue, { left: extraLeft }), signature: reminderSignature([...waiting], waiting, {}) };
  }
  const listed = new Set(record.keys);
  const entries = queue.filter((e) => listed.has(e.item.key));
  const waiting = new Set(entries.map((e) => e.item.key));
  const left = { ...record.left };
  const gone = record.keys.filter((key) => !waiting.has(key));
  const snoozes = await deps.state.snoozedUntil(gone, now);
  for (const key of record.keys) {
    if (waiting.has(key)) {
      if (left[key] !== undefined) {
        delete left[key];
        await deps.state.clearLeft(record.id, key);
      }
      continue;
    }
    if (left[key] !== undefined) continue;
    left[key] = await departureLine(deps, team, key, snoozes);
    await deps.state.noteLeft(record.id, key, left[key]);
  }
  const lines = gone.map((key) => left[key] ?? key);
  return {
    message: renderAcceptanceReminder(team.name, entries, { left: [...lines, ...extraLeft], reminderId: record.id }),
    signature: reminderSignature(record.keys, waiting, left),
  };
}

/**
 * Edits the reminder in place through the outbox when its picture changed. The edit's id is the
 * reminder's id and the picture's version, so a repeated pass enqueues nothing new. Returns the
 * edit's id, or null when there was nothing to change.
 */
export async function redrawThroughOutbox(deps: RedrawDeps & { outbox: Outbox }, team: TeamProfile, record: ReminderRecord, now: Date): Promise<string | null> {
  const picture = await drawReminder(deps, team, record, now);
  const claim = await deps.state.claimRedraw(record.id, picture.signature, 'outbox');
  if (!claim?.pending) return null;
  const id = `${record.id}:edit:${claim.version}`;
  await deps.outbox.enqueue({ id, channel: record.channel, updateOf: record.id, text: picture.message.text, blocks: picture.message.blocks });
  await deps.state.redrawn(record.id, claim.version);
  return id;
}

/**
 * Mirrors Jira: the team's latest reminder is edited when items it listed are no longer waiting
 * (accepted or moved in Jira, handled in Slack, snoozed) or are waiting again.
 */
export async function mirrorReminder(deps: RedrawDeps & { outbox: Outbox }, team: TeamProfile, now: Date): Promise<string | null> {
  const id = await deps.state.latestReminder(team.id);
  const record = id ? await deps.state.reminder(id) : null;
  if (!record) return null;
  return redrawThroughOutbox(deps, team, record, now);
}
