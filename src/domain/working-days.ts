import { DateTime } from 'luxon';

/**
 * Whole working days between two instants in a time zone: the days after `from`'s day up to
 * and including `to`'s day that fall on a working weekday (ISO numbers, Monday = 1).
 */
export function workingDaysBetween(from: Date, to: Date, zone: string, workingDays: readonly number[]): number {
  let day = DateTime.fromJSDate(from, { zone }).startOf('day');
  const end = DateTime.fromJSDate(to, { zone }).startOf('day');
  let count = 0;
  // Bounded: a broken date far in the past must not spin for long.
  for (let i = 0; i < 3660 && day < end; i++) {
    day = day.plus({ days: 1 });
    if (workingDays.includes(day.weekday)) count++;
  }
  return count;
}

/** True when `at` falls on a working day within [startHour, endHour) in the zone. */
export function isWorkingTime(at: Date, zone: string, workingDays: readonly number[], hours: readonly [number, number]): boolean {
  const local = DateTime.fromJSDate(at, { zone });
  return workingDays.includes(local.weekday) && local.hour >= hours[0] && local.hour < hours[1];
}

/** The next instant at or after `at` that is working time, e.g. Monday 09:00 after a Friday evening. */
export function nextWorkingTime(at: Date, zone: string, workingDays: readonly number[], hours: readonly [number, number]): Date {
  let local = DateTime.fromJSDate(at, { zone });
  for (let i = 0; i < 14 * 24; i++) {
    if (workingDays.includes(local.weekday) && local.hour >= hours[0] && local.hour < hours[1]) return local.toJSDate();
    local = local.hour < hours[0] && workingDays.includes(local.weekday) ? local.set({ hour: hours[0], minute: 0, second: 0, millisecond: 0 }) : local.plus({ days: 1 }).set({ hour: hours[0], minute: 0, second: 0, millisecond: 0 });
  }
  return at;
}

/** The same local time `days` working days later, e.g. a snooze of 1 working day from Friday ends Monday. */
export function addWorkingDays(from: Date, days: number, zone: string, workingDays: readonly number[]): Date {
  let local = DateTime.fromJSDate(from, { zone });
  let added = 0;
  for (let i = 0; i < 3660 && added < days; i++) {
    local = local.plus({ days: 1 });
    if (workingDays.includes(local.weekday)) added++;
  }
  return local.toJSDate();
}
