import { describe, expect, it } from 'vitest';
import { reminderTiming } from '../../../src/domain/acceptance/reminder-timing.js';
import { addWorkingDays, workingDaysBetween } from '../../../src/domain/working-days.js';

const weekdays = [1, 2, 3, 4, 5];

describe('domain/acceptance/reminder-timing', () => {
  it.each`
    utc                          | zone                  | expected
    ${'2026-11-23T08:59:00Z'}    | ${'Europe/Berlin'}    | ${'before-reminder-hour'}
    ${'2026-11-23T09:00:00Z'}    | ${'Europe/Berlin'}    | ${'due'}
    ${'2026-11-23T09:00:00Z'}    | ${'America/New_York'} | ${'before-reminder-hour'}
    ${'2026-11-23T15:00:00Z'}    | ${'America/New_York'} | ${'due'}
    ${'2026-11-23T04:30:00Z'}    | ${'Asia/Kolkata'}     | ${'due'}
    ${'2026-11-22T12:00:00Z'}    | ${'Europe/Berlin'}    | ${'not-a-working-day'}
    ${'2026-11-23T02:00:00Z'}    | ${'Pacific/Auckland'} | ${'due'}
  `('at $utc in $zone: $expected (reminder hour 10)', ({ utc, zone, expected }) => {
    const timing = reminderTiming({ now: new Date(utc), zone, reminderHour: 10, workingDays: weekdays });

    expect(timing.due ? 'due' : timing.reason).toBe(expected);
  });

  it('follows the PO’s local clock across a DST change', () => {
    // Berlin: 10:00 is 08:00 UTC in summer time (Friday 23 Oct) and 09:00 UTC after the change (Monday 26 Oct).
    expect(reminderTiming({ now: new Date('2026-10-23T08:00:00Z'), zone: 'Europe/Berlin', reminderHour: 10, workingDays: weekdays }).due).toBe(true);
    expect(reminderTiming({ now: new Date('2026-10-26T08:30:00Z'), zone: 'Europe/Berlin', reminderHour: 10, workingDays: weekdays }).due).toBe(false);
    expect(reminderTiming({ now: new Date('2026-10-26T09:00:00Z'), zone: 'Europe/Berlin', reminderHour: 10, workingDays: weekdays }).due).toBe(true);
  });

  it('waits while Do Not Disturb is on and sends once it has ended', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const later = Math.floor(now.getTime() / 1000) + 3600;
    const earlier = Math.floor(now.getTime() / 1000) - 60;

    expect(reminderTiming({ now, zone: 'UTC', reminderHour: 9, workingDays: weekdays, dnd: { enabled: true, endsAt: later } })).toMatchObject({ due: false, reason: 'do-not-disturb' });
    expect(reminderTiming({ now, zone: 'UTC', reminderHour: 9, workingDays: weekdays, dnd: { enabled: true, endsAt: earlier } }).due).toBe(true);
  });

  it('counts waiting time and snoozes in working days', () => {
    expect(workingDaysBetween(new Date('2026-11-13T16:00:00Z'), new Date('2026-11-23T10:00:00Z'), 'Europe/Berlin', weekdays)).toBe(6);
    expect(addWorkingDays(new Date('2026-11-20T10:00:00Z'), 1, 'Europe/Berlin', weekdays).toISOString()).toBe('2026-11-23T10:00:00.000Z');
    expect(addWorkingDays(new Date('2026-11-20T10:00:00Z'), 3, 'Europe/Berlin', weekdays).toISOString()).toBe('2026-11-25T10:00:00.000Z');
  });
});
