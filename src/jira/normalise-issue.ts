import type { OwnershipDecision, WorkItem } from '../domain/work-item.js';
import { DEFAULT_CLOUD_FIELD_MAP, type FieldMap } from './field-map.js';
import { agileSprints, dateOnly, hierarchyLevel, type Json, keyOf, names, num, obj, person, richText, statusCategory, str, teamName, versions } from './issue-fields.js';

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
