/**
 * The normalised Jira item every part of who-owns works on. The Jira adapter builds it from
 * Cloud (v3, ADF) and Data Center (v2, wiki markup) responses; nothing else reads raw Jira.
 */

/** A person as Jira or Slack knows them; any field may be missing on a given site. */
export interface Person {
  /** Jira Cloud account id. */
  accountId?: string;
  /** Jira Data Center user name / key. */
  name?: string;
  email?: string;
  displayName?: string;
  /** Slack user id, once mapped through the team file. */
  slackId?: string;
}

export type StatusCategory = 'new' | 'indeterminate' | 'done' | 'unknown';

export type SprintState = 'active' | 'future' | 'closed';

export interface SprintRef {
  id: number;
  name: string;
  state: SprintState;
}

export interface VersionRef {
  name: string;
  /** ISO date (yyyy-mm-dd) or null when unscheduled. */
  releaseDate: string | null;
  released: boolean;
}

/** A decision a person recorded for an item, in Slack or as a Jira issue property. */
export interface OwnershipDecision {
  /** Role id the item was given (`PO`, `PM`, or a configured role), or `none` for "not applicable". */
  role: string;
  /** Who is accountable, when the decision named a person ("I own this", "Assign to…"). */
  owner?: Person;
  decidedBy: Person;
  /** ISO timestamp. */
  decidedAt: string;
  source: 'slack' | 'jira-property';
}

export interface WorkItem {
  id: string;
  key: string;
  projectKey: string;
  summary: string;
  /** Plain text of the description (ADF and wiki markup both flattened). */
  description: string;
  issueType: string;
  /** -1 sub-task, 0 story level, 1 epic, ≥2 initiative and above; null when the site does not say. */
  hierarchyLevel: number | null;
  status: string;
  statusCategory: StatusCategory;
  resolution: string | null;
  labels: string[];
  components: string[];
  assignee: Person | null;
  reporter: Person | null;
  parentKey: string | null;
  sprints: SprintRef[];
  storyPoints: number | null;
  /** Text of a dedicated acceptance-criteria field, when the site has one. */
  acceptanceCriteria: string | null;
  fixVersions: VersionRef[];
  /** ISO dates. */
  targetStart: string | null;
  targetEnd: string | null;
  dueDate: string | null;
  team: string | null;
  /** Name of the Jira issue security level; items with one are never posted to channels. */
  securityLevel: string | null;
  boardIds: number[];
  /** Jira ids of the people who last changed the item, when known (for self-change filtering). */
  updatedBy?: Person | null;
  created: string;
  updated: string;
  /** When the item entered its current status (from the changelog), when known. */
  statusChangedAt: string | null;
  /** Lexorank, for backlog order. */
  rank: string | null;
  /** Recorded on the Jira issue as the `who-owns.decision` property. */
  decision: OwnershipDecision | null;
  /** Browse URL. */
  url: string;
}

/** Builds a WorkItem with empty defaults; adapters and tests fill what they know. */
export function workItem(fields: Pick<WorkItem, 'key' | 'summary' | 'issueType'> & Partial<WorkItem>): WorkItem {
  const projectKey = fields.projectKey ?? fields.key.split('-')[0] ?? '';
  return {
    id: fields.key,
    projectKey,
    description: '',
    hierarchyLevel: null,
    status: 'To Do',
    statusCategory: 'new',
    resolution: null,
    labels: [],
    components: [],
    assignee: null,
    reporter: null,
    parentKey: null,
    sprints: [],
    storyPoints: null,
    acceptanceCriteria: null,
    fixVersions: [],
    targetStart: null,
    targetEnd: null,
    dueDate: null,
    team: null,
    securityLevel: null,
    boardIds: [],
    created: '1970-01-01T00:00:00.000Z',
    updated: '1970-01-01T00:00:00.000Z',
    statusChangedAt: null,
    rank: null,
    decision: null,
    url: '',
    ...fields,
  };
}
