/** Issue types, statuses, priorities, resolutions and security levels of the sample site. */
import { BASE_URL } from './site.js';

export type TypeName = 'Initiative' | 'Epic' | 'Story' | 'Task' | 'Bug' | 'Spike' | 'Sub-task' | 'Idea';

interface IssueTypeDef {
  id: string;
  name: TypeName;
  description: string;
  hierarchyLevel: number;
  avatarId: number;
  /** Team-managed (next-gen) types belong to one project. */
  projectId?: string;
  entityId?: string;
}

export const ISSUE_TYPES: Record<TypeName, IssueTypeDef> = {
  Epic: { id: '10000', name: 'Epic', description: 'A big user story that needs to be broken down.', hierarchyLevel: 1, avatarId: 10307 },
  Story: { id: '10001', name: 'Story', description: 'Functionality or a feature expressed as a user goal.', hierarchyLevel: 0, avatarId: 10315 },
  Task: { id: '10002', name: 'Task', description: 'A small, distinct piece of work.', hierarchyLevel: 0, avatarId: 10318 },
  'Sub-task': { id: '10003', name: 'Sub-task', description: 'A small piece of work that is part of a larger task.', hierarchyLevel: -1, avatarId: 10316 },
  Bug: { id: '10004', name: 'Bug', description: 'A problem or error.', hierarchyLevel: 0, avatarId: 10303 },
  Spike: { id: '10005', name: 'Spike', description: 'Time-boxed research to answer a question or reduce risk.', hierarchyLevel: 0, avatarId: 10311 },
  Initiative: {
    id: '10006',
    name: 'Initiative',
    description: 'A large body of work spanning several epics, planned in Advanced Roadmaps.',
    hierarchyLevel: 2,
    avatarId: 10326,
  },
  Idea: {
    id: '10100',
    name: 'Idea',
    description: 'Ideas track all the important information about a problem or opportunity.',
    hierarchyLevel: 0,
    avatarId: 10554,
    projectId: '10003',
    entityId: '3f9a6c1e-5b2d-4c87-9e0a-7d1b2c3e4f50',
  },
};

function issueTypeIcon(type: IssueTypeDef): string {
  return `${BASE_URL}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${type.avatarId}?size=medium`;
}

/** The issue type object embedded in issues (`fields.issuetype`). */
export function issueTypeRef(name: TypeName): Record<string, unknown> {
  const type = ISSUE_TYPES[name];
  const ref: Record<string, unknown> = {
    self: `${BASE_URL}/rest/api/3/issuetype/${type.id}`,
    id: type.id,
    description: type.description,
    iconUrl: issueTypeIcon(type),
    name: type.name,
    subtask: type.hierarchyLevel === -1,
    avatarId: type.avatarId,
  };
  if (type.entityId) ref.entityId = type.entityId;
  ref.hierarchyLevel = type.hierarchyLevel;
  return ref;
}

/** GET /rest/api/3/issuetype */
export function issueTypeList(): Record<string, unknown>[] {
  return Object.values(ISSUE_TYPES).map((type) => {
    const entry = issueTypeRef(type.name);
    if (type.projectId) entry.scope = { type: 'PROJECT', project: { id: type.projectId } };
    return entry;
  });
}

export type CategoryKey = 'new' | 'indeterminate' | 'done';

const CATEGORIES: Record<CategoryKey, Record<string, unknown>> = {
  new: { self: `${BASE_URL}/rest/api/3/statuscategory/2`, id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: {
    self: `${BASE_URL}/rest/api/3/statuscategory/4`,
    id: 4,
    key: 'indeterminate',
    colorName: 'yellow',
    name: 'In Progress',
  },
  done: { self: `${BASE_URL}/rest/api/3/statuscategory/3`, id: 3, key: 'done', colorName: 'green', name: 'Done' },
};

interface StatusDef {
  id: string;
  category: CategoryKey;
  description: string;
  /** Statuses of the team-managed Product Discovery project are scoped to it. */
  projectId?: string;
}

export const STATUSES: Record<string, StatusDef> = {
  'To Do': { id: '10000', category: 'new', description: 'Work that has not been started.' },
  Open: { id: '1', category: 'new', description: 'The issue is open and ready for the assignee to start work on it.' },
  'In Progress': { id: '3', category: 'indeterminate', description: 'This issue is being actively worked on at the moment by the assignee.' },
  'Code Review': { id: '10010', category: 'indeterminate', description: 'Waiting for a second pair of eyes on the change.' },
  'Ready for acceptance': {
    id: '10011',
    category: 'indeterminate',
    description: 'Built and verified by the team; waiting for the Product Owner to accept or reject.',
  },
  'In Review': { id: '10012', category: 'indeterminate', description: 'Shipped behind a flag; waiting for product review.' },
  Done: { id: '10001', category: 'done', description: 'Work is complete.' },
  "Won't Do": { id: '10013', category: 'done', description: 'Work that will not be done.' },
  'Parking lot': { id: '10020', category: 'new', description: 'Ideas not yet looked at.', projectId: '10003' },
  Discovery: { id: '10021', category: 'indeterminate', description: 'Understanding the problem and the value.', projectId: '10003' },
  'Ready for delivery': { id: '10022', category: 'indeterminate', description: 'Validated; waiting for a delivery team.', projectId: '10003' },
  Delivery: { id: '10023', category: 'indeterminate', description: 'Being built by a delivery team.', projectId: '10003' },
  Launched: { id: '10024', category: 'done', description: 'Shipped to customers.', projectId: '10003' },
  "Won't do": { id: '10025', category: 'done', description: 'Decided against.', projectId: '10003' },
};

export function statusCategoryOf(name: string): CategoryKey {
  const status = STATUSES[name];
  if (!status) throw new Error(`unknown status ${name}`);
  return status.category;
}

/** The status object embedded in issues (`fields.status`) and in transitions (`to`). */
export function statusRef(name: string): Record<string, unknown> {
  const status = STATUSES[name];
  if (!status) throw new Error(`unknown status ${name}`);
  const ref: Record<string, unknown> = {
    self: `${BASE_URL}/rest/api/3/status/${status.id}`,
    description: status.description,
    iconUrl: `${BASE_URL}/`,
    name,
    id: status.id,
    statusCategory: CATEGORIES[status.category],
  };
  if (status.projectId) ref.scope = { type: 'PROJECT', project: { id: status.projectId } };
  return ref;
}

export type PriorityName = 'Highest' | 'High' | 'Medium' | 'Low' | 'Lowest';
const PRIORITY_IDS: Record<PriorityName, string> = { Highest: '1', High: '2', Medium: '3', Low: '4', Lowest: '5' };

export function priorityRef(name: PriorityName): Record<string, unknown> {
  const id = PRIORITY_IDS[name];
  return { self: `${BASE_URL}/rest/api/3/priority/${id}`, iconUrl: `${BASE_URL}/images/icons/priorities/${name.toLowerCase()}.svg`, name, id };
}

export type ResolutionName = 'Done' | "Won't Do" | 'Duplicate';
const RESOLUTIONS: Record<ResolutionName, { id: string; description: string }> = {
  Done: { id: '10000', description: 'Work has been completed on this issue.' },
  "Won't Do": { id: '10001', description: 'This issue won\'t be actioned.' },
  Duplicate: { id: '10002', description: 'The problem is a duplicate of an existing issue.' },
};

export function resolutionRef(name: ResolutionName): Record<string, unknown> {
  const resolution = RESOLUTIONS[name];
  return { self: `${BASE_URL}/rest/api/3/resolution/${resolution.id}`, id: resolution.id, description: resolution.description, name };
}

export type SecurityLevelName = 'Finance & Risk only' | 'Security team';
const SECURITY_LEVELS: Record<SecurityLevelName, { id: string; description: string }> = {
  'Finance & Risk only': { id: '10100', description: 'Visible to the Finance and Risk groups and the payments leads.' },
  'Security team': { id: '10101', description: 'Undisclosed vulnerabilities: visible to the security group only.' },
};

export function securityRef(name: SecurityLevelName): Record<string, unknown> {
  const level = SECURITY_LEVELS[name];
  return { self: `${BASE_URL}/rest/api/3/securitylevel/${level.id}`, id: level.id, description: level.description, name };
}

/** Values of the Atlassian Team field (customfield_10001). */
export const TEAMS = {
  payments: { id: '4f1c2a7e-93b5-4d0e-8a61-2c5d7e9b1a30', name: 'Payments Core' },
  growth: { id: '9b7e3d21-6c4a-4f58-b0d2-8e1a5c3f7d64', name: 'Growth' },
  platform: { id: 'c2d8f4a6-1e3b-4c9d-a7f5-6b0e2d4c8a19', name: 'Platform' },
} as const;

export type TeamKey = keyof typeof TEAMS;

export function teamRef(key: TeamKey): Record<string, unknown> {
  const team = TEAMS[key];
  return { id: team.id, name: team.name, avatarUrl: '', isVisible: true, isVerified: false, title: team.name, isShared: true };
}
