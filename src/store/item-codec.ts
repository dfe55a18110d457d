import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Reason, Verdict } from '../domain/verdict.js';
import type { WorkItem } from '../domain/work-item.js';

/**
 * Compact, deflated JSON for items and verdicts in Redis (target: under 1 KB per item with
 * indexes). Empty fields are dropped and long text is cut: the store serves answers and
 * digests, while attribution runs on the full item at sync time.
 */
const DESCRIPTION_KEEP = 300;
const REASONS_KEEP = 6;

function compact<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
  ) as Partial<T>;
}

function pack(value: unknown): Buffer {
  return deflateRawSync(JSON.stringify(value));
}

function unpack<T>(data: Buffer | string): T {
  return JSON.parse(typeof data === 'string' ? data : inflateRawSync(data).toString('utf8')) as T;
}

export function encodeItem(item: WorkItem): Buffer {
  const { url: _url, id, key, ...rest } = item;
  return pack(
    compact({
      ...rest,
      ...(id !== key ? { id } : {}),
      description: item.description.length > DESCRIPTION_KEEP ? `${item.description.slice(0, DESCRIPTION_KEEP)}…` : item.description,
      acceptanceCriteria: item.acceptanceCriteria ? item.acceptanceCriteria.slice(0, 120) : null,
    }),
  );
}

export function decodeItem(key: string, data: Buffer | string, siteUrl: string): WorkItem {
  const stored = unpack<Partial<WorkItem>>(data);
  return {
    id: stored.id ?? key,
    key,
    projectKey: stored.projectKey ?? key.replace(/-\d+$/, ''),
    summary: stored.summary ?? '',
    description: stored.description ?? '',
    issueType: stored.issueType ?? 'Unknown',
    hierarchyLevel: stored.hierarchyLevel ?? null,
    status: stored.status ?? 'Unknown',
    statusCategory: stored.statusCategory ?? 'unknown',
    resolution: stored.resolution ?? null,
    labels: stored.labels ?? [],
    components: stored.components ?? [],
    assignee: stored.assignee ?? null,
    reporter: stored.reporter ?? null,
    parentKey: stored.parentKey ?? null,
    sprints: stored.sprints ?? [],
    storyPoints: stored.storyPoints ?? null,
    acceptanceCriteria: stored.acceptanceCriteria ?? null,
    fixVersions: stored.fixVersions ?? [],
    targetStart: stored.targetStart ?? null,
    targetEnd: stored.targetEnd ?? null,
    dueDate: stored.dueDate ?? null,
    team: stored.team ?? null,
    securityLevel: stored.securityLevel ?? null,
    boardIds: stored.boardIds ?? [],
    ...(stored.updatedBy ? { updatedBy: stored.updatedBy } : {}),
    created: stored.created ?? '',
    updated: stored.updated ?? '',
    statusChangedAt: stored.statusChangedAt ?? null,
    rank: stored.rank ?? null,
    decision: stored.decision ?? null,
    url: siteUrl ? `${siteUrl.replace(/\/$/, '')}/browse/${key}` : '',
  };
}

export function encodeVerdict(verdict: Verdict): Buffer {
  const reasons: Reason[] = verdict.reasons.slice(0, REASONS_KEEP).map((r) => ({ ...r, weight: Number.isFinite(r.weight) ? r.weight : 999 }));
  return pack(compact({ ...verdict, key: undefined, reasons }));
}

export function decodeVerdict(key: string, data: Buffer | string): Verdict {
  const stored = unpack<Partial<Verdict>>(data);
  return {
    key,
    role: stored.role ?? 'unclear',
    confidence: stored.confidence ?? 0,
    state: stored.state ?? 'unmatched',
    teamId: stored.teamId ?? null,
    owners: stored.owners ?? [],
    reasons: stored.reasons ?? [],
    ...(stored.decidedBy ? { decidedBy: stored.decidedBy } : {}),
  };
}
