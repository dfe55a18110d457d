import type { OwnershipDecision, Person, SprintRef, StatusCategory, VersionRef, WorkItem } from '../domain/work-item.js';
import { adfToText } from './adf-to-text.js';
import { DEFAULT_CLOUD_FIELD_MAP, type FieldMap } from './field-map.js';
import { looksLikeMarkdown, markdownToText } from './markdown-to-text.js';
import { wikiToText } from './wiki-to-text.js';

/**
 * Raw Jira issue (REST v2 or v3, search or single-issue shape) → WorkItem. Permissive: a
 * field of the wrong shape is read as missing; only an issue without key or type is refused.
 */
export interface NormaliseOptions {
  /** Site URL for browse links; derived from the issue's `self` when absent. */
  siteUrl?: string;
  /** Boards the item was seen on (from board backlog pages). */
  boardIds?: number[];
  /** Recorded decision, when read separately from issue properties. */
  decision?: OwnershipDecision | null;
}

export class NormaliseError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'NormaliseError';
    this.field = field;
  }
}

type Json = Record<string, unknown>;

function obj(value: unknown): Json | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}
function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
function num(value: unknown): number | null {
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

function person(value: unknown): Person | null {
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
function agileSprints(fields: Json, customField: unknown): SprintRef[] {
  const all = [...sprints(customField), ...sprints(fields.sprint ? [fields.sprint] : []), ...sprints(fields.closedSprints)];
  return all.filter((sprint, i) => all.findIndex((s) => s.id === sprint.id) === i);
}

function versions(value: unknown): VersionRef[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    const o = obj(v);
    const name = str(o?.name);
    if (!o || !name) return [];
    return [{ name, releaseDate: str(o.releaseDate) ?? null, released: o.released === true }];
  });
}

function names(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => (typeof v === 'string' ? [v] : (str(obj(v)?.name) ?? str(obj(v)?.value) ?? []))).filter((s) => s.length > 0);
}

function statusCategory(status: Json | undefined): StatusCategory {
  const key = str(obj(status?.statusCategory)?.key);
  return key === 'new' || key === 'indeterminate' || key === 'done' ? key : 'unknown';
}

function hierarchyLevel(issueType: Json): number | null {
  const level = num(issueType.hierarchyLevel);
  if (level !== null) return level;
  // Data Center does not report levels: sub-tasks and epics are the ones it marks.
  if (issueType.subtask === true) return -1;
  if (/^epic$/i.test(str(issueType.name) ?? '')) return 1;
  return null;
}

function keyOf(value: unknown): string | null {
  if (typeof value === 'string' && /^[A-Z][A-Z0-9_]*-\d+$/.test(value)) return value;
  const o = obj(value);
  return str(o?.key) ?? str(obj(o?.data)?.key) ?? null;
}

function teamName(value: unknown): string | null {
  if (typeof value === 'string') return value || null;
  const o = obj(value);
  return str(o?.name) ?? str(o?.title) ?? str(o?.value) ?? null;
}

function dateOnly(value: unknown): string | null {
  const s = str(value);
  return s ? s.slice(0, 10) : null;
}

function decisionFrom(raw: Json): OwnershipDecision | null {
  const value = obj(obj(raw.properties)?.['who-owns.decision']);
  if (!value) return null;
  const role = str(value.role);
  const decidedBy = person(value.decidedBy);
  const decidedAt = str(value.decidedAt);
  if (!role || !decidedBy || !decidedAt) return null;
  const owner = person(value.owner);
  return { role, decidedBy, decidedAt, source: 'jira-property', ...(owner ? { owner } : {}) };
}

function siteFrom(self: string | undefined): string {
  if (!self) return '';
  const match = /^(https?:\/\/[^/]+(?:\/[^/]+)*?)\/rest\/api\//.exec(self);
  return match?.[1] ?? '';
}

export function normaliseIssue(input: unknown, fieldMap: FieldMap = DEFAULT_CLOUD_FIELD_MAP, options: NormaliseOptions = {}): WorkItem {
  const raw = obj(input);
  if (!raw) throw new NormaliseError('(issue)', 'not a JSON object');
  const key = str(raw.key);
  if (!key) throw new NormaliseError('key', 'missing');
  const fields = obj(raw.fields);
  if (!fields) throw new NormaliseError('fields', 'missing (was the issue exported without fields?)');
  const issueType = obj(fields.issuetype);
  const typeName = str(issueType?.name);
  if (!issueType || !typeName) throw new NormaliseError('fields.issuetype.name', 'missing');
  const status = obj(fields.status);
  const site = (options.siteUrl ?? siteFrom(str(raw.self))).replace(/\/$/, '');
  const custom = (id: string | undefined) => (id ? fields[id] : undefined);
  const storyPoints = fieldMap.storyPoints.map((id) => num(fields[id])).find((v) => v !== null) ?? null;
  const acceptance = richText(custom(fieldMap.acceptanceCriteria)).trim();
  const parentKey = keyOf(fields.parent) ?? keyOf(custom(fieldMap.epicLink)) ?? keyOf(custom(fieldMap.parentLink)) ?? keyOf(fields.epic) ?? null;
  const projectKey = str(obj(fields.project)?.key) ?? key.replace(/-\d+$/, '');
  const updatedBy = person(raw.updatedBy);

  return {
    id: str(raw.id) ?? key,
    key,
    projectKey,
    summary: str(fields.summary) ?? '',
    description: richText(fields.description),
    issueType: typeName,
    hierarchyLevel: hierarchyLevel(issueType),
    status: str(status?.name) ?? 'Unknown',
    statusCategory: statusCategory(status),
    resolution: str(obj(fields.resolution)?.name) ?? null,
    labels: names(fields.labels),
    components: names(fields.components),
    assignee: person(fields.assignee),
    reporter: person(fields.reporter),
    parentKey,
    sprints: agileSprints(fields, custom(fieldMap.sprint)),
    storyPoints,
    acceptanceCriteria: acceptance.length > 0 ? acceptance : null,
    fixVersions: versions(fields.fixVersions),
    targetStart: dateOnly(custom(fieldMap.targetStart)),
    targetEnd: dateOnly(custom(fieldMap.targetEnd)),
    dueDate: dateOnly(fields.duedate),
    team: teamName(custom(fieldMap.team)),
    securityLevel: str(obj(fields.security)?.name) ?? null,
    boardIds: options.boardIds ?? [],
    ...(updatedBy ? { updatedBy } : {}),
    created: str(fields.created) ?? '',
    updated: str(fields.updated) ?? '',
    statusChangedAt: str(fields.statuscategorychangedate) ?? null,
    rank: str(custom(fieldMap.rank)) ?? null,
    decision: options.decision ?? decisionFrom(raw),
    url: site ? `${site}/browse/${key}` : '',
  };
}

export type SafeNormaliseResult = { ok: true; item: WorkItem } | { ok: false; error: string };

/** Like normaliseIssue, but never throws: malformed records come back with the reason. */
export function safeNormaliseIssue(input: unknown, fieldMap?: FieldMap, options?: NormaliseOptions): SafeNormaliseResult {
  try {
    return { ok: true, item: normaliseIssue(input, fieldMap, options) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
