/** Projects, boards, sprints and versions of the sample site. */
import { jiraUser, type PersonKey } from './people.js';
import { BASE_URL } from './site.js';
import { isoDateTime, userDate, utc } from './time.js';

export type ProjectKey = 'PAY' | 'GRO' | 'IDEA' | 'PLAT' | 'OPS';

interface ProjectDef {
  id: string;
  key: ProjectKey;
  name: string;
  description: string;
  projectTypeKey: 'software' | 'product_discovery';
  style: 'classic' | 'next-gen';
  lead: PersonKey;
  category: string;
}

export const PROJECTS: Record<ProjectKey, ProjectDef> = {
  PAY: {
    id: '10001',
    key: 'PAY',
    name: 'Payments',
    description: 'Card acquiring, SEPA, payouts and reconciliation for Acme Pay merchants.',
    projectTypeKey: 'software',
    style: 'classic',
    lead: 'priya',
    category: 'Product delivery',
  },
  GRO: {
    id: '10002',
    key: 'GRO',
    name: 'Growth',
    description: 'Self-serve sign-up, onboarding, activation, referrals and the pricing page.',
    projectTypeKey: 'software',
    style: 'classic',
    lead: 'dana',
    category: 'Product delivery',
  },
  IDEA: {
    id: '10003',
    key: 'IDEA',
    name: 'Product Ideas',
    description: 'Problems and opportunities we are discovering, before they become delivery work.',
    projectTypeKey: 'product_discovery',
    style: 'next-gen',
    lead: 'dana',
    category: 'Product discovery',
  },
  PLAT: {
    id: '10004',
    key: 'PLAT',
    name: 'Platform',
    description: 'Ledger, APIs, infrastructure, observability and developer tooling.',
    projectTypeKey: 'software',
    style: 'classic',
    lead: 'sam',
    category: 'Product delivery',
  },
  OPS: {
    id: '10005',
    key: 'OPS',
    name: 'Operations',
    description: 'Support operations, compliance paperwork and internal tooling requests.',
    projectTypeKey: 'software',
    style: 'classic',
    lead: 'olivia',
    category: 'Business operations',
  },
};

const CATEGORY_IDS: Record<string, string> = { 'Product delivery': '10000', 'Product discovery': '10001', 'Business operations': '10002' };

function projectAvatars(id: string): Record<string, string> {
  const url = (size: string) => `${BASE_URL}/rest/api/3/universal_avatar/view/type/project/avatar/${id}?size=${size}`;
  return { '48x48': url('large'), '24x24': url('small'), '16x16': url('xsmall'), '32x32': url('medium') };
}

/** The project object embedded in issues (`fields.project`). */
export function projectRef(key: ProjectKey): Record<string, unknown> {
  const project = PROJECTS[key];
  const category = CATEGORY_IDS[project.category] ?? '10000';
  return {
    self: `${BASE_URL}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: project.projectTypeKey,
    simplified: project.style === 'next-gen',
    avatarUrls: projectAvatars(project.id),
    projectCategory: {
      self: `${BASE_URL}/rest/api/3/projectCategory/${category}`,
      id: category,
      description: project.category,
      name: project.category,
    },
  };
}

/** Entries of GET /rest/api/3/project/search `values` (with expand=description,lead,insight). */
export function projectList(issueCounts: Record<ProjectKey, number>, lastUpdate: Record<ProjectKey, string>): Record<string, unknown>[] {
  return (Object.keys(PROJECTS) as ProjectKey[]).map((key) => {
    const project = PROJECTS[key];
    const ref = projectRef(key);
    return {
      expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
      self: ref.self,
      id: project.id,
      key: project.key,
      description: project.description,
      lead: jiraUser(project.lead),
      name: project.name,
      avatarUrls: ref.avatarUrls,
      projectCategory: ref.projectCategory,
      projectTypeKey: project.projectTypeKey,
      simplified: project.style === 'next-gen',
      style: project.style,
      isPrivate: false,
      properties: {},
      insight: { totalIssueCount: issueCounts[key], lastIssueUpdateTime: lastUpdate[key] },
    };
  });
}

interface BoardDef {
  id: number;
  name: string;
  type: 'scrum' | 'kanban';
  project: ProjectKey;
}

export const BOARDS: BoardDef[] = [
  { id: 12, name: 'PAY board', type: 'scrum', project: 'PAY' },
  { id: 21, name: 'GRO board', type: 'scrum', project: 'GRO' },
  { id: 31, name: 'PLAT board', type: 'scrum', project: 'PLAT' },
  { id: 41, name: 'OPS requests', type: 'kanban', project: 'OPS' },
];

/** GET /rest/agile/1.0/board */
export function boardPage(): Record<string, unknown> {
  return {
    maxResults: 50,
    startAt: 0,
    total: BOARDS.length,
    isLast: true,
    values: BOARDS.map((board) => {
      const project = PROJECTS[board.project];
      return {
        id: board.id,
        self: `${BASE_URL}/rest/agile/1.0/board/${board.id}`,
        name: board.name,
        type: board.type,
        location: {
          projectId: Number(project.id),
          displayName: `${project.name} (${project.key})`,
          projectName: project.name,
          projectKey: project.key,
          projectTypeKey: project.projectTypeKey,
          avatarURI: `${BASE_URL}/rest/api/2/universal_avatar/view/type/project/avatar/${project.id}?size=small`,
          name: `${project.name} (${project.key})`,
        },
      };
    }),
  };
}

export type SprintState = 'closed' | 'active' | 'future';

export interface SprintDef {
  id: number;
  boardId: number;
  name: string;
  state: SprintState;
  goal: string;
  /** yyyy-mm-dd; future sprints may have none yet. */
  start?: string;
  end?: string;
}

export const SPRINTS: SprintDef[] = [
  { id: 101, boardId: 12, name: 'PAY Sprint 20', state: 'closed', start: '2026-10-05', end: '2026-10-16', goal: 'Smart retries for soft declines live for 10% of merchants' },
  { id: 102, boardId: 12, name: 'PAY Sprint 21', state: 'closed', start: '2026-10-19', end: '2026-10-30', goal: 'Payout reconciliation MVP running in staging' },
  { id: 103, boardId: 12, name: 'PAY Sprint 22', state: 'closed', start: '2026-11-02', end: '2026-11-13', goal: 'SEPA Instant end-to-end in the sandbox' },
  { id: 104, boardId: 12, name: 'PAY Sprint 23', state: 'active', start: '2026-11-16', end: '2026-11-27', goal: 'SEPA Instant pilot with two merchants; 3DS exemptions on by default' },
  { id: 105, boardId: 12, name: 'PAY Sprint 24', state: 'future', start: '2026-11-30', end: '2026-12-11', goal: 'Chargeback evidence packs generated automatically' },
  { id: 106, boardId: 12, name: 'PAY Sprint 25', state: 'future', goal: '' },
  { id: 201, boardId: 21, name: 'GRO Sprint 31', state: 'closed', start: '2026-10-19', end: '2026-10-30', goal: 'Ship the new onboarding checklist to 50% of sign-ups' },
  { id: 202, boardId: 21, name: 'GRO Sprint 32', state: 'closed', start: '2026-11-02', end: '2026-11-13', goal: 'Referral v2 invite flow feature-complete' },
  { id: 203, boardId: 21, name: 'GRO Sprint 33', state: 'active', start: '2026-11-16', end: '2026-11-27', goal: 'Pricing page experiment running; checkout drop-off instrumented' },
  { id: 204, boardId: 21, name: 'GRO Sprint 34', state: 'future', goal: 'Activation emails, round two' },
  { id: 301, boardId: 31, name: 'PLAT 26.21', state: 'closed', start: '2026-10-05', end: '2026-10-23', goal: 'Ledger v2 double-write in production' },
  { id: 302, boardId: 31, name: 'PLAT 26.22', state: 'closed', start: '2026-10-26', end: '2026-11-13', goal: 'Kubernetes 1.34 on staging; OpenTelemetry traces for the payments API' },
  { id: 303, boardId: 31, name: 'PLAT 26.23', state: 'active', start: '2026-11-16', end: '2026-12-04', goal: 'Ledger v2 read cut-over; checkout API rate limits enforced' },
  { id: 304, boardId: 31, name: 'PLAT 26.24', state: 'future', goal: '' },
];

function sprintStart(sprint: SprintDef): Date | undefined {
  return sprint.start ? utc(`${sprint.start}T08:00`) : undefined;
}

function sprintEnd(sprint: SprintDef): Date | undefined {
  return sprint.end ? utc(`${sprint.end}T16:00`) : undefined;
}

export function sprintById(id: number): SprintDef {
  const sprint = SPRINTS.find((candidate) => candidate.id === id);
  if (!sprint) throw new Error(`unknown sprint ${id}`);
  return sprint;
}

/** A sprint as it appears inside the Sprint custom field of an issue. */
export function sprintFieldValue(id: number): Record<string, unknown> {
  const sprint = sprintById(id);
  const value: Record<string, unknown> = { id: sprint.id, name: sprint.name, state: sprint.state, boardId: sprint.boardId, goal: sprint.goal };
  const start = sprintStart(sprint);
  const end = sprintEnd(sprint);
  if (start) value.startDate = isoDateTime(start);
  if (end) value.endDate = isoDateTime(end);
  if (sprint.state === 'closed' && end) value.completeDate = isoDateTime(end);
  return value;
}

/** GET /rest/agile/1.0/board/{boardId}/sprint */
export function sprintPage(boardId: number): Record<string, unknown> {
  const sprints = SPRINTS.filter((sprint) => sprint.boardId === boardId);
  return {
    maxResults: 50,
    startAt: 0,
    isLast: true,
    values: sprints.map((sprint) => {
      const value: Record<string, unknown> = { id: sprint.id, self: `${BASE_URL}/rest/agile/1.0/sprint/${sprint.id}`, state: sprint.state, name: sprint.name };
      const start = sprintStart(sprint);
      const end = sprintEnd(sprint);
      if (start) value.startDate = isoDateTime(start);
      if (end) value.endDate = isoDateTime(end);
      if (sprint.state === 'closed' && end) value.completeDate = isoDateTime(end);
      if (start) value.createdDate = isoDateTime(new Date(start.getTime() - 3 * 86_400_000));
      value.originBoardId = sprint.boardId;
      value.goal = sprint.goal;
      return value;
    }),
  };
}

export interface VersionDef {
  id: string;
  project: ProjectKey;
  name: string;
  description: string;
  start?: string;
  release?: string;
  released: boolean;
}

export const VERSIONS: VersionDef[] = [
  { id: '10100', project: 'PAY', name: 'Payments 2026.09', description: 'Smart retries beta, payout CSV export', start: '2026-09-01', release: '2026-09-16', released: true },
  { id: '10101', project: 'PAY', name: 'Payments 2026.10', description: 'Smart retries GA, 3DS2 data-only flow', start: '2026-09-17', release: '2026-10-14', released: true },
  { id: '10102', project: 'PAY', name: 'Payments 2026.11', description: 'Payout reconciliation dashboard, SEPA Instant sandbox', start: '2026-10-15', release: '2026-11-18', released: false },
  { id: '10103', project: 'PAY', name: 'Payments 2026.12', description: 'SEPA Instant pilot, chargeback automation', start: '2026-11-19', release: '2026-12-09', released: false },
  { id: '10104', project: 'PAY', name: 'SEPA Instant GA', description: 'General availability of SEPA Instant payouts in DE, AT and NL', release: '2027-01-27', released: false },
  { id: '10110', project: 'GRO', name: 'Checkout v3', description: 'One-page checkout for the self-serve plans', start: '2026-09-14', release: '2026-10-28', released: true },
  { id: '10111', project: 'GRO', name: 'Referral v2', description: 'Two-sided referral rewards', start: '2026-10-19', release: '2026-11-20', released: false },
  { id: '10112', project: 'GRO', name: 'Q4 growth experiments', description: 'Pricing page and activation experiments for Q4', release: '2026-12-18', released: false },
  { id: '10120', project: 'PLAT', name: 'Platform 26.10', description: 'October platform release', start: '2026-10-01', release: '2026-10-30', released: true },
  { id: '10121', project: 'PLAT', name: 'Ledger v2 cut-over', description: 'Reads and writes served by ledger v2; v1 read-only', start: '2026-10-12', release: '2026-11-09', released: false },
  { id: '10122', project: 'PLAT', name: 'Platform 26.11', description: 'November platform release', start: '2026-11-02', release: '2026-11-27', released: false },
  { id: '10123', project: 'PLAT', name: 'Platform 26.12', description: 'December platform release (change freeze from 18 Dec)', release: '2026-12-17', released: false },
];

export function versionByName(project: ProjectKey, name: string): VersionDef {
  const version = VERSIONS.find((candidate) => candidate.project === project && candidate.name === name);
  if (!version) throw new Error(`unknown version ${project}/${name}`);
  return version;
}

/** A version as embedded in `fields.fixVersions`. */
export function versionRef(version: VersionDef): Record<string, unknown> {
  const ref: Record<string, unknown> = {
    self: `${BASE_URL}/rest/api/3/version/${version.id}`,
    id: version.id,
    description: version.description,
    name: version.name,
    archived: false,
    released: version.released,
  };
  if (version.release) ref.releaseDate = version.release;
  return ref;
}

/** GET /rest/api/3/project/{key}/versions, as of the site's "today". */
export function versionList(project: ProjectKey, today: string): Record<string, unknown>[] {
  return VERSIONS.filter((version) => version.project === project).map((version) => {
    const entry: Record<string, unknown> = {
      self: `${BASE_URL}/rest/api/3/version/${version.id}`,
      id: version.id,
      description: version.description,
      name: version.name,
      archived: false,
      released: version.released,
    };
    if (version.start) {
      entry.startDate = version.start;
      entry.userStartDate = userDate(version.start);
    }
    if (version.release) {
      entry.releaseDate = version.release;
      entry.overdue = !version.released && version.release < today;
      entry.userReleaseDate = userDate(version.release);
    }
    entry.projectId = Number(PROJECTS[project].id);
    return entry;
  });
}
