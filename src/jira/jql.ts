/**
 * JQL building blocks. User text only ever reaches JQL through `jqlString`, which makes it a
 * single quoted string literal, so it can never add a clause, operator or ORDER BY.
 */

const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,19}-[1-9][0-9]{0,8}$/;
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,19}$/;

export function isIssueKey(text: string): boolean {
  return ISSUE_KEY.test(text);
}

export function isProjectKey(text: string): boolean {
  return PROJECT_KEY.test(text);
}

/** A JQL string literal: double-quoted, with `\` and `"` escaped and control characters removed. */
export function jqlString(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const cleaned = value.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return `"${cleaned.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `("A", "B")` for `in` clauses. */
export function jqlList(values: readonly string[]): string {
  return `(${values.map(jqlString).join(', ')})`;
}

/** Jira's JQL date-time literal in UTC, minute precision: "2026-11-23 09:05". */
export function jqlDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `"${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}"`;
}
