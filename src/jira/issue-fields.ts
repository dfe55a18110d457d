import type { Person, SprintRef, StatusCategory, VersionRef } from '../domain/work-item.js';
import { adfToText } from './adf-to-text.js';
import { looksLikeMarkdown, markdownToText } from './markdown-to-text.js';
import { wikiToText } from './wiki-to-text.js';

/**
 * Readers of one raw Jira field each, as REST v2 and v3, Cloud and Data Center write them.
 * Permissive: a value of the wrong shape reads as missing.
 */
export type Json = Record<string, unknown>;

export function obj(value: unknown): Json | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
export function num(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/** Rich text in any form: ADF object (v3), wiki-markup string (v2) or markdown. */
export function richText(value: unknown): string {
  if (typeof value === 'string') return looksLikeMarkdown(value) ? markdownToText(value) : wikiToText(value);
  if (obj(value)) return adfToText(value);
  return '';
}

export function person(value: unknown): Person | null {
  const p = obj(value);
  if (!p) return null;
  const result: Person = {};
  const accountId = str(p.accountId);
  const name = str(p.name) ?? str(p.key);
  const email = str(p.emailAddress);
  const displayName = str(p.displayName);
  if (accountId) result.accountId = accountId;
  if (name) result.name = name;
  if (email) result.email = email;
  if (displayName) result.displayName = displayName;
  return Object.keys(result).length > 0 ? result : null;
}

const SPRINT_STATES = new Set(['active', 'future', 'closed']);

/** Sprint objects (Cloud) or the legacy `…Sprint@x[id=1,state=ACTIVE,name=…]` strings (Data Center). */
function sprints(value: unknown): SprintRef[] {
  if (!Array.isArray(value)) return [];
  const result: SprintRef[] = [];
  for (const entry of value) {
    const o = obj(entry);
    if (o) {
      const id = num(o.id);
      const state = str(o.state)?.toLowerCase();
      if (id !== null && state && SPRINT_STATES.has(state)) result.push({ id, name: str(o.name) ?? `Sprint ${id}`, state: state as SprintRef['state'] });
      continue;
    }
    if (typeof entry === 'string') {
      const id = num(/[[,]id=(\d+)/.exec(entry)?.[1]);
      const state = /[[,]state=([A-Za-z]+)/.exec(entry)?.[1]?.toLowerCase();
      const name = /[[,]name=([^,\]]*)/.exec(entry)?.[1];
      if (id !== null && state && SPRINT_STATES.has(state)) result.push({ id, name: name ?? `Sprint ${id}`, state: state as SprintRef['state'] });
    }
  }
  return result;
}

/**
 * Sprints from the Sprint custom field and, in Jira Agile REST records (`/rest/agile/1.0/…/issue`),
 * from `sprint` (the open one) and `closedSprints`; each sprint once.
 */
export function agileSprints(fields: Json, customField: unknown): SprintRef[] {
  const all = [...sprints(customField), ...sprints(fields.sprint ? [fields.sprint] : []), ...sprints(fields.closedSprints)];
  return all.filter((sprint, i) => all.findIndex((s) => s.id === sprint.id) === i);
}

export function versions(value: unknown): VersionRef[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    const o = obj(v);
    const name = str(o?.name);
    if (!o || !name) return [];
    return [{ name, releaseDate: str(o.releaseDate) ?? null, released: o.released === true }];
  });
}

export function names(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => (typeof v === 'string' ? [v] : (str(obj(v)?.name) ?? str(obj(v)?.value) ?? []))).filter((s) => s.length > 0);
}

export function statusCategory(status: Json | undefined): StatusCategory {
  const key = str(obj(status?.statusCategory)?.key);
  return key === 'new' || key === 'indeterminate' || key === 'done' ? key : 'unknown';
}

export function hierarchyLevel(issueType: Json): number | null {
  const level = num(issueType.hierarchyLevel);
  if (level !== null) return level;
  // Data Center does not report levels: sub-tasks and epics are the ones it marks.
  if (issueType.subtask === true) return -1;
  if (/^epic$/i.test(str(issueType.name) ?? '')) return 1;
  return null;
}

export function keyOf(value: unknown): string | null {
  if (typeof value === 'string' && /^[A-Z][A-Z0-9_]*-\d+$/.test(value)) return value;
  const o = obj(value);
  return str(o?.key) ?? str(obj(o?.data)?.key) ?? null;
}

export function teamName(value: unknown): string | null {
  if (typeof value === 'string') return value || null;
  const o = obj(value);
  return str(o?.name) ?? str(o?.title) ?? str(o?.value) ?? null;
}

export function dateOnly(value: unknown): string | null {
  const s = str(value);
  return s ? s.slice(0, 10) : null;
}
