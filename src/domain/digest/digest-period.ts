import { DateTime } from 'luxon';

/** The digest period an instant falls in: the ISO week in the team's time zone, e.g. 2026-W48. */
export function digestPeriod(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat("kkkk-'W'WW");
}

/** Deterministic outgoing-message id of a channel's digest for one period (exactly once). */
export function digestMessageId(channel: string, teamId: string, period: string): string {
  return `digest:${channel}:${teamId}:${period}`;
}
