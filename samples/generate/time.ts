/** Date helpers that render the exact formats Jira Cloud uses in REST responses. */

/** "Today" for the sample site: Monday 2026-11-23. */
export const SITE_TODAY = '2026-11-23';

const MS_PER_DAY = 86_400_000;

/** Parses "2026-11-20" or "2026-11-20T14:05" as UTC. */
export function utc(value: string): Date {
  const withTime = value.length === 10 ? `${value}T09:00:00` : value;
  const withSeconds = withTime.length === 16 ? `${withTime}:00` : withTime;
  return new Date(`${withSeconds}Z`);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * MS_PER_DAY);
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

/** Issue timestamps as Jira Cloud writes them: `2026-11-16T09:12:44.123+0000`. */
export function jiraDateTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

/** Agile API and sprint-field timestamps: `2026-11-16T08:00:00.000Z`. */
export function isoDateTime(date: Date): string {
  return date.toISOString();
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Version `userReleaseDate` style: `14/Oct/26`. */
export function userDate(isoDay: string): string {
  const [year, month, day] = isoDay.split('-');
  return `${Number(day)}/${MONTHS[Number(month) - 1]}/${year?.slice(2)}`;
}

/** Moves a date forward to the next weekday at working hours (teams do not change statuses at 3 a.m. on Sundays). */
export function onWorkingHours(date: Date, minuteOfDay: number): Date {
  let day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day = addDays(day, 1);
  return addMinutes(day, minuteOfDay);
}
