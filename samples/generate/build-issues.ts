/**
 * Turns the item tables into Jira Cloud issue beans, changelogs and issue properties.
 * Keys and ids follow creation order (as on a real site); search results follow rank order,
 * which is the order of the tables.
 */
import { adf } from './adf.js';
import {
  ISSUE_TYPES,
  issueTypeRef,
  priorityRef,
  resolutionRef,
  securityRef,
  statusCategoryOf,
  statusRef,
  type TeamKey,
  teamRef,
} from './catalogue.js';
import { CF } from './fields.js';
import type { ItemSpec } from './item-spec.js';
import { jiraUser, PEOPLE, type PersonKey } from './people.js';
import { PROJECTS, type ProjectKey, projectRef, type SprintDef, sprintById, sprintFieldValue, versionByName, versionRef } from './projects.js';
import type { Random } from './random.js';
import { BASE_URL } from './site.js';
import { addDays, addMinutes, jiraDateTime, utc } from './time.js';
import { statusPath } from './workflows.js';

export type IssueBean = Record<string, unknown> & { id: string; key: string; fields: Record<string, unknown> };

export interface BuiltIssues {
  /** Issues per project, in rank order. */
  issues: Record<ProjectKey, IssueBean[]>;
  changelogs: { issueId: string; changeHistories: Record<string, unknown>[] }[];
  properties: Record<string, Record<string, unknown>>;
  edges: { key: string; summary: string; edge: string }[];
}

/** Latest moment anything happened on the site: the morning of Monday 2026-11-23. */
const LATEST = utc('2026-11-23T07:45');
/** Last working moment before the weekend. */
const LAST_FRIDAY = utc('2026-11-20T16:30');
const FIRST_KEY: Record<ProjectKey, number> = { PAY: 401, GRO: 230, IDEA: 57, PLAT: 612, OPS: 88 };
const TEAM_OF: Partial<Record<ProjectKey, TeamKey>> = { PAY: 'payments', GRO: 'growth', PLAT: 'platform' };
const ACCEPTOR: Partial<Record<ProjectKey, PersonKey>> = { PAY: 'priya', GRO: 'dana' };

interface Planned {
  spec: ItemSpec;
  project: ProjectKey;
  created: Date;
  /** Status path with the moment each status was entered; first entry is creation. */
  steps: { status: string; at: Date }[];
  key: string;
  id: string;
}

function isWeekend(date: Date): boolean {
  return date.getUTCDay() === 0 || date.getUTCDay() === 6;
}

/** A random weekday moment between two dates, during working hours where possible. */
function randomWorkingTime(random: Random, lower: Date, upper: Date): Date {
  if (upper <= lower) return lower;
  const days: Date[] = [];
  for (let day = new Date(Date.UTC(lower.getUTCFullYear(), lower.getUTCMonth(), lower.getUTCDate())); day <= upper; day = addDays(day, 1)) {
    if (!isWeekend(day)) days.push(day);
  }
  if (days.length === 0) return lower;
  const moment = addMinutes(random.pick(days), random.int(7 * 60 + 30, 17 * 60 + 30) + random.next());
  if (moment < lower) return addMinutes(lower, random.int(5, 90));
  if (moment > upper) return upper;
  return moment;
}

function firstSprintStart(spec: ItemSpec): Date | undefined {
  for (const id of spec.sprints ?? []) {
    const sprint = sprintById(id);
    if (sprint.start) return utc(`${sprint.start}T08:00`);
  }
  return undefined;
}

function lastSprintWindow(spec: ItemSpec): { start?: Date; end?: Date } {
  const id = spec.sprints?.[spec.sprints.length - 1];
  if (id === undefined) return {};
  const sprint = sprintById(id);
  return {
    start: sprint.start ? utc(`${sprint.start}T08:00`) : undefined,
    end: sprint.end && sprint.state === 'closed' ? utc(`${sprint.end}T16:00`) : undefined,
  };
}

function defaultCreated(spec: ItemSpec, random: Random): Date {
  if (spec.created) return spec.created.length === 10 ? randomWorkingTime(random, utc(`${spec.created}T07:30`), utc(`${spec.created}T17:30`)) : utc(spec.created);
  const level = ISSUE_TYPES[spec.type].hierarchyLevel;
  if (level >= 1) return randomWorkingTime(random, utc('2026-08-17'), utc('2026-09-30'));
  const sprintStart = firstSprintStart(spec);
  if (sprintStart) return randomWorkingTime(random, addDays(sprintStart, -24), addDays(sprintStart, -2));
  if (spec.sprints?.length) return randomWorkingTime(random, utc('2026-10-26'), utc('2026-11-19'));
  const category = statusCategoryOf(spec.status);
  return randomWorkingTime(random, utc('2026-09-01'), category === 'new' ? utc('2026-11-19') : utc('2026-11-04'));
}

function plannedSteps(spec: ItemSpec, project: ProjectKey, created: Date, random: Random): { status: string; at: Date }[] {
  const path = statusPath(project, spec.type, spec.status, spec.skipAcceptance);
  const steps = [{ status: path[0] ?? spec.status, at: created }];
  if (path.length === 1) return steps;
  let entered: Date;
  if (spec.statusAt) {
    entered = spec.statusAt.length === 10 ? randomWorkingTime(random, utc(`${spec.statusAt}T07:30`), utc(`${spec.statusAt}T17:30`)) : utc(spec.statusAt);
  } else {
    const window = lastSprintWindow(spec);
    const lower = new Date(Math.max(addDays(created, 1).getTime(), window.start?.getTime() ?? 0));
    const upper = new Date(Math.min(window.end?.getTime() ?? LAST_FRIDAY.getTime(), LAST_FRIDAY.getTime()));
    entered = randomWorkingTime(random, lower, upper < lower ? addDays(lower, 1) : upper);
  }
  if (entered <= created) throw new Error(`${spec.ref}: entered ${spec.status} before it was created`);
  if (entered > LATEST) throw new Error(`${spec.ref}: entered ${spec.status} after the site's today`);
  const span = entered.getTime() - created.getTime();
  for (let index = 1; index < path.length; index++) {
    const previous = steps[steps.length - 1]?.at ?? created;
    let at = entered;
    if (index < path.length - 1) {
      const share = (index / (path.length - 1)) * (0.8 + 0.2 * random.next());
      at = toWorkingHours(new Date(created.getTime() + Math.round(span * share)), random);
      if (at <= previous || at >= entered) at = new Date(previous.getTime() + Math.round((entered.getTime() - previous.getTime()) / 2));
    }
    steps.push({ status: path[index] ?? spec.status, at: withSeconds(at, random) });
  }
  return steps;
}

/** People do not click on the minute: adds seconds and milliseconds. */
function withSeconds(date: Date, random: Random): Date {
  return date.getTime() % 60_000 === 0 ? new Date(date.getTime() + random.int(1_000, 58_999)) : date;
}

/** Moves a moment off weekends and nights: to the previous working afternoon, or the same morning. */
function toWorkingHours(date: Date, random: Random): Date {
  let day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const hour = date.getUTCHours();
  if (!isWeekend(day) && hour < 7) return addMinutes(day, random.int(7 * 60 + 30, 9 * 60 + 30));
  if (!isWeekend(day) && hour < 18) return date;
  while (isWeekend(day)) day = addDays(day, -1);
  return addMinutes(day, random.int(13 * 60, 17 * 60 + 30));
}

/** Plans dates, keys and ids for every item of every table. */
function plan(tables: Record<ProjectKey, ItemSpec[]>, random: Random): Map<string, Planned> {
  const planned = new Map<string, Planned>();
  const specs: { spec: ItemSpec; project: ProjectKey }[] = [];
  for (const project of Object.keys(tables) as ProjectKey[]) {
    for (const spec of tables[project]) {
      if (planned.has(spec.ref)) throw new Error(`duplicate ref ${spec.ref}`);
      planned.set(spec.ref, { spec, project, created: defaultCreated(spec, random), steps: [], key: '', id: '' });
      specs.push({ spec, project });
    }
  }
  // Children are created after their parents (parents adjusted first: initiatives, epics, stories).
  const topDown = [...specs].sort((a, b) => ISSUE_TYPES[b.spec.type].hierarchyLevel - ISSUE_TYPES[a.spec.type].hierarchyLevel);
  for (const { spec } of topDown) {
    const item = planned.get(spec.ref);
    const parent = spec.parent ? planned.get(spec.parent) : undefined;
    if (spec.parent && !parent) throw new Error(`${spec.ref}: unknown parent ${spec.parent}`);
    if (item && parent && item.created <= parent.created) {
      const moved = toWorkingHours(addMinutes(parent.created, random.int(45, 60 * 30)), random);
      item.created = moved > parent.created ? moved : addMinutes(parent.created, random.int(20, 60));
    }
  }
  for (const item of planned.values()) item.steps = plannedSteps(item.spec, item.project, item.created, random);
  const byCreation = [...planned.values()].sort((a, b) => a.created.getTime() - b.created.getTime());
  const nextKey = { ...FIRST_KEY };
  let nextId = 10240;
  for (const item of byCreation) {
    item.key = `${item.project}-${nextKey[item.project]}`;
    nextKey[item.project] += random.next() < 0.12 ? random.int(2, 3) : 1;
    item.id = String(nextId);
    nextId += random.next() < 0.2 ? random.int(2, 6) : 1;
  }
  return planned;
}

function issueLinkRef(item: Planned): Record<string, unknown> {
  return {
    id: item.id,
    key: item.key,
    self: `${BASE_URL}/rest/api/3/issue/${item.id}`,
    fields: {
      summary: item.spec.summary,
      status: statusRef(item.spec.status),
      priority: priorityRef(item.spec.priority ?? 'Medium'),
      issuetype: issueTypeRef(item.spec.type),
    },
  };
}

function statusCategoryChangedAt(item: Planned): Date {
  const category = statusCategoryOf(item.spec.status);
  let changed = item.created;
  for (let index = item.steps.length - 1; index > 0; index--) {
    const step = item.steps[index];
    const before = item.steps[index - 1];
    if (step && before && statusCategoryOf(before.status) !== category) {
      changed = step.at;
      break;
    }
  }
  return changed;
}

/** Last edit (comment, estimate, rank): shortly after the last status change, on a working day. */
function lastActivity(item: Planned, random: Random): Date {
  const moments = [item.steps[item.steps.length - 1]?.at ?? item.created, ...sprintCarryOvers(item).map((carry) => carry.at)];
  const entered = new Date(Math.max(...moments.map((moment) => moment.getTime())));
  const later = addMinutes(entered, random.int(3, 60 * 24 * 3));
  if (later <= LATEST && !isWeekend(later)) return later;
  const soon = addMinutes(entered, random.int(2, 90));
  return soon <= LATEST ? soon : entered;
}

function buildIssue(item: Planned, planned: Map<string, Planned>, rank: string, random: Random): IssueBean {
  const { spec, project } = item;
  const level = ISSUE_TYPES[spec.type].hierarchyLevel;
  const category = statusCategoryOf(spec.status);
  const entered = item.steps[item.steps.length - 1]?.at ?? item.created;
  const parent = spec.parent ? planned.get(spec.parent) : undefined;
  const children = [...planned.values()].filter((candidate) => candidate.spec.parent === spec.ref && ISSUE_TYPES[candidate.spec.type].hierarchyLevel === -1);
  const reporter = spec.reporter ?? PROJECTS[project].lead;
  const fields: Record<string, unknown> = {
    statuscategorychangedate: jiraDateTime(statusCategoryChangedAt(item)),
    issuetype: issueTypeRef(spec.type),
  };
  if (parent) fields.parent = issueLinkRef(parent);
  Object.assign(fields, {
    project: projectRef(project),
    fixVersions: (spec.fix ?? []).map((name) => versionRef(versionByName(project, name))),
    resolution: category === 'done' ? resolutionRef(spec.resolution ?? (spec.status.startsWith('Won') ? "Won't Do" : 'Done')) : null,
    resolutiondate: category === 'done' ? jiraDateTime(entered) : null,
    workratio: -1,
    watches: { self: `${BASE_URL}/rest/api/3/issue/${item.key}/watchers`, watchCount: random.int(1, 4), isWatching: false },
    lastViewed: null,
    created: jiraDateTime(item.created),
    priority: priorityRef(spec.priority ?? 'Medium'),
    labels: spec.labels ?? [],
    versions: [],
    issuelinks: [],
    assignee: spec.assignee ? jiraUser(spec.assignee) : null,
    updated: jiraDateTime(lastActivity(item, random)),
    status: statusRef(spec.status),
    components: (spec.components ?? []).map((name) => componentRef(project, name)),
    description: spec.desc ? adf(spec.desc) : null,
    security: spec.security ? securityRef(spec.security) : null,
    summary: spec.summary,
    creator: jiraUser(reporter),
    subtasks: children.map(issueLinkRef),
    reporter: jiraUser(reporter),
    duedate: spec.due ?? null,
    votes: { self: `${BASE_URL}/rest/api/3/issue/${item.key}/votes`, votes: 0, hasVoted: false },
    [CF.rank]: rank,
  });
  if (project !== 'IDEA') {
    const team = spec.team ?? (level >= 1 ? TEAM_OF[project] : undefined);
    Object.assign(fields, {
      [CF.team]: team ? teamRef(team) : null,
      [CF.epicName]: spec.type === 'Epic' ? spec.summary : null,
      [CF.epicLink]: null,
      [CF.startDate]: null,
      [CF.storyPointEstimate]: spec.points ?? null,
      [CF.parentLink]: null,
      [CF.sprint]: spec.sprints?.length ? spec.sprints.map(sprintFieldValue) : null,
      [CF.flagged]: spec.flagged ? [{ self: `${BASE_URL}/rest/api/3/customFieldOption/10019`, value: 'Impediment', id: '10019' }] : null,
      [CF.targetStart]: spec.target?.[0] ?? null,
      [CF.targetEnd]: spec.target?.[1] ?? null,
      [CF.storyPoints]: null,
      [CF.acceptanceCriteria]: spec.ac ? adf(spec.ac) : null,
    });
  }
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: item.id,
    self: `${BASE_URL}/rest/api/3/issue/${item.id}`,
    key: item.key,
    fields,
  };
}

const COMPONENT_IDS: Record<string, string> = {
  'PAY/Card payments': '10010',
  'PAY/SEPA': '10011',
  'PAY/Payouts': '10012',
  'PAY/Disputes': '10013',
  'GRO/Checkout': '10020',
  'GRO/Onboarding': '10021',
  'GRO/Pricing page': '10022',
  'GRO/Referrals': '10023',
  'PLAT/Checkout': '10030',
  'PLAT/Ledger': '10031',
  'PLAT/Infrastructure': '10032',
  'PLAT/Public API': '10033',
  'PLAT/Observability': '10034',
  'OPS/Support tooling': '10040',
};

export function componentRef(project: ProjectKey, name: string): Record<string, unknown> {
  const id = COMPONENT_IDS[`${project}/${name}`];
  if (!id) throw new Error(`unknown component ${project}/${name}`);
  return { self: `${BASE_URL}/rest/api/3/component/${id}`, id, name };
}

function historyAuthor(item: Planned, from: string, to: string): PersonKey {
  const { spec, project } = item;
  const reporter = spec.reporter ?? PROJECTS[project].lead;
  if ((from === 'Ready for acceptance' || from === 'In Review') && to === 'Done') return ACCEPTOR[project] ?? reporter;
  if (ISSUE_TYPES[spec.type].hierarchyLevel >= 1 || project === 'IDEA') return reporter;
  if (to.startsWith('Won')) return reporter;
  return spec.assignee ?? reporter;
}

/** Items carried over from one sprint to the next get a Sprint change when the old sprint closes. */
function sprintCarryOvers(item: Planned): { at: Date; before: SprintDef[]; after: SprintDef[] }[] {
  const sprints = item.spec.sprints ?? [];
  const carries: { at: Date; before: SprintDef[]; after: SprintDef[] }[] = [];
  for (let index = 1; index < sprints.length; index++) {
    const before = sprints.slice(0, index).map(sprintById);
    const after = sprints.slice(0, index + 1).map(sprintById);
    const closed = before[before.length - 1];
    if (!closed?.end) continue;
    // Completing a sprint moves its open issues at one moment; seconds differ per sprint.
    const at = new Date(utc(`${closed.end}T16:40`).getTime() + ((closed.id * 7919) % 59_000));
    if (at > item.created && at <= LATEST) carries.push({ at, before, after });
  }
  return carries;
}

function buildChangelog(item: Planned, nextHistoryId: () => string): Record<string, unknown>[] {
  const histories: { at: Date; entry: Record<string, unknown> }[] = [];
  for (let index = 1; index < item.steps.length; index++) {
    const from = item.steps[index - 1];
    const to = item.steps[index];
    if (!from || !to) continue;
    const fromStatus = statusRef(from.status);
    const toStatus = statusRef(to.status);
    histories.push({
      at: to.at,
      entry: {
        id: '',
        author: jiraUser(historyAuthor(item, from.status, to.status)),
        created: jiraDateTime(to.at),
        items: [
          {
            field: 'status',
            fieldtype: 'jira',
            fieldId: 'status',
            from: String(fromStatus.id),
            fromString: from.status,
            to: String(toStatus.id),
            toString: to.status,
          },
        ],
      },
    });
  }
  for (const { at, before, after } of sprintCarryOvers(item)) {
    histories.push({
      at,
      entry: {
        id: '',
        author: jiraUser(PROJECTS[item.project].lead),
        created: jiraDateTime(at),
        items: [
          {
            field: 'Sprint',
            fieldtype: 'custom',
            fieldId: CF.sprint,
            from: before.map((sprint) => sprint.id).join(', '),
            fromString: before.map((sprint) => sprint.name).join(', '),
            to: after.map((sprint) => sprint.id).join(', '),
            toString: after.map((sprint) => sprint.name).join(', '),
          },
        ],
      },
    });
  }
  histories.sort((a, b) => a.at.getTime() - b.at.getTime());
  return histories.map(({ entry }) => ({ ...entry, id: nextHistoryId() }));
}

function rankOf(index: number): string {
  return `0|i${(4096 + index * 37).toString(36).padStart(5, '0')}:`;
}

export function buildIssues(tables: Record<ProjectKey, ItemSpec[]>, random: Random): BuiltIssues {
  const planned = plan(tables, random);
  const issues = { PAY: [], GRO: [], IDEA: [], PLAT: [], OPS: [] } as Record<ProjectKey, IssueBean[]>;
  const properties: Record<string, Record<string, unknown>> = {};
  const edges: BuiltIssues['edges'] = [];
  let rankIndex = 0;
  for (const project of Object.keys(tables) as ProjectKey[]) {
    for (const spec of tables[project]) {
      const item = planned.get(spec.ref);
      if (!item) continue;
      issues[project].push(buildIssue(item, planned, rankOf(rankIndex++), random));
      if (spec.edge) edges.push({ key: item.key, summary: spec.summary, edge: spec.edge });
      if (spec.decision) {
        const decidedBy: Record<string, unknown> = { accountId: PEOPLE[spec.decision.by].accountId, displayName: PEOPLE[spec.decision.by].displayName };
        const value: Record<string, unknown> = { role: spec.decision.role };
        if (spec.decision.owner) value.owner = { accountId: PEOPLE[spec.decision.owner].accountId };
        Object.assign(value, { decidedBy, decidedAt: spec.decision.at, source: 'jira-property' });
        properties[item.key] = { 'who-owns.decision': value };
      }
    }
  }
  let historyId = 31000;
  const nextHistoryId = () => String(historyId++);
  const byId = [...planned.values()].sort((a, b) => Number(a.id) - Number(b.id));
  const changelogs = byId.map((item) => ({ issueId: item.id, changeHistories: buildChangelog(item, nextHistoryId) }));
  return { issues, changelogs, properties, edges };
}
