import { DateTime } from 'luxon';

export interface ReminderTimingInput {
  now: Date;
  /** The PO's own time zone (Slack profile), else the team's. */
  zone: string;
  reminderHour: number;
  workingDays: readonly number[];
  /** Slack Do Not Disturb: on, and until when (epoch seconds; 0 = unknown). */
  dnd?: { enabled: boolean; endsAt?: number };
}

export type ReminderTiming =
  | { due: true; localDate: string }
  | { due: false; reason: 'not-a-working-day' | 'before-reminder-hour' | 'do-not-disturb'; localDate: string };

/**
 * Whether a PO's daily acceptance reminder is due now: on a working day in their zone, at or
 * after their reminder hour, and not while Slack Do Not Disturb is on (it is sent once DND
 * ends). `localDate` names the day, so one reminder per PO per day.
 */
export function reminderTiming({ now, zone, reminderHour, workingDays, dnd }: ReminderTimingInput): ReminderTiming {
  const local = DateTime.fromJSDate(now, { zone });
  const localDate = local.toISODate() ?? '';
  if (!workingDays.includes(local.weekday)) return { due: false, reason: 'not-a-working-day', localDate };
  if (local.hour < reminderHour) return { due: false, reason: 'before-reminder-hour', localDate };
  if (dnd?.enabled && (!dnd.endsAt || dnd.endsAt * 1000 > now.getTime())) return { due: false, reason: 'do-not-disturb', localDate };
  return { due: true, localDate };
}
