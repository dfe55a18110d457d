import type { WorkItem } from '../domain/work-item.js';
import { type FieldMap, fieldMapFromNames, fieldMapFromValues } from './field-map.js';
import { safeNormaliseIssue } from './normalise-issue.js';

/**
 * Issues as exported from the Jira REST API (a search response, an array, one issue per line;
 * v2, v3 or Agile records), read into work items exactly as `who-owns classify` reads them.
 */
export interface RawInput {
  issues: unknown[];
  /** `names` of a search response (`expand=names`), for field mapping. */
  names?: Record<string, string>;
}

/** A search response (`{"issues": […]}`), a JSON array of issues, or JSON lines of issues. */
export function parseRawInput(text: string): RawInput {
  const trimmed = text.trim();
  if (trimmed === '') throw new InvalidInputError('the input is empty');
  try {
    const whole: unknown = JSON.parse(trimmed);
    if (Array.isArray(whole)) return { issues: whole };
    if (whole && typeof whole === 'object') {
      const o = whole as Record<string, unknown>;
      if (Array.isArray(o.issues)) {
        const names = o.names && typeof o.names === 'object' ? (o.names as Record<string, string>) : undefined;
        return names ? { issues: o.issues, names } : { issues: o.issues };
      }
      // A single issue (GET /issue/{key}).
      return { issues: [whole] };
    }
    throw new InvalidInputError('expected a JSON object or array of issues');
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
  }
  // JSON lines: one issue per line; a bad line is kept as a malformed record, not fatal.
  const issues = trimmed.split(/\r?\n/).filter((line) => line.trim() !== '').map((line, i) => {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      return { __unparseable: `line ${i + 1} is not JSON` };
    }
  });
  if (issues.length > 0 && issues.every((issue) => (issue as { __unparseable?: string }).__unparseable)) {
    throw new InvalidInputError('the input is not JSON: expected a search response {"issues": […]}, a JSON array of issues, or one issue per line');
  }
  return { issues };
}

/** The file as a whole cannot be read as issues (exit 2), as opposed to single malformed records. */
export class InvalidInputError extends Error {}


export interface SkippedRecord {
  index: number;
  key: string | null;
  error: string;
}

function keyOf(issue: unknown): string | null {
  const key = issue && typeof issue === 'object' ? (issue as { key?: unknown }).key : undefined;
  return typeof key === 'string' && key !== '' ? key : null;
}

/** Every record that can be read as an item; the others with the reason. */
export function normaliseExport(raw: RawInput): { items: WorkItem[]; skipped: SkippedRecord[] } {
  // Without `names`, field ids are guessed from values (sprints, ranks) on top of the Cloud defaults.
  const fieldMap: FieldMap = raw.names ? fieldMapFromNames(raw.names) : fieldMapFromValues(raw.issues);
  const items: WorkItem[] = [];
  const skipped: SkippedRecord[] = [];
  raw.issues.forEach((issue, index) => {
    const unparseable = (issue as { __unparseable?: string } | null)?.__unparseable;
    const result = unparseable ? { ok: false as const, error: unparseable } : safeNormaliseIssue(issue, fieldMap);
    if (result.ok) items.push(result.item);
    else skipped.push({ index, key: keyOf(issue), error: result.error });
  });
  return { items, skipped };
}
