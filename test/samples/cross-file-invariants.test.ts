import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { allIssues, type Json, listFiles, readJson, SAMPLES_DIR, type SampleIssue, searchPages } from './sample-site.js';

const issues = allIssues();
const byKey = new Map(issues.map((issue) => [issue.key, issue]));
const fieldIds = new Set(readJson<Json[]>('field.json').map((field) => String(field.id)));
const issueTypes = readJson<{ id: string; name: string; hierarchyLevel: number; subtask: boolean; scope?: { project: { id: string } } }[]>(
  'issuetype.json',
);
const boards = readJson<{ values: { id: number; location: { projectKey: string } }[] }>('boards.json').values;
const transitions = readJson<Record<string, { transitions: { name: string; to: { name: string } }[] }>>('transitions.json');
const changelogs = readJson<{ issueChangeLogs: { issueId: string; changeHistories: { created: string; items: Json[] }[] }[] }>(
  'changelogs.json',
).issueChangeLogs;

interface TeamFile {
  teams: {
    id: string;
    jira: { projects: string[]; boards: number[]; components?: string[] };
    po: { jira: string } | null;
    pm: { jira: string } | null;
    acceptance?: { statuses: string[]; acceptTransition: string; rejectTransition: string };
  }[];
}
const teamFile = parse(readFileSync(join(SAMPLES_DIR, 'who-owns.yaml'), 'utf8')) as TeamFile;

function field<T>(issue: SampleIssue, id: string): T {
  return issue.fields[id] as T;
}

function customFieldId(name: string): string {
  const found = readJson<{ id: string; name: string }[]>('field.json').find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no field named ${name}`);
  return found.id;
}

/** Working days between a Jira timestamp and Monday 2026-11-23 (weekends not counted). */
function workingDaysBefore(timestamp: string): number {
  let days = 0;
  const day = new Date(`${timestamp.slice(0, 10)}T12:00:00Z`);
  const today = new Date('2026-11-23T12:00:00Z');
  while (day < today) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6 && day <= today) days++;
  }
  return days;
}

function statusEnteredAt(issue: SampleIssue): string | undefined {
  const log = changelogs.find((entry) => entry.issueId === issue.id);
  const statusChanges = (log?.changeHistories ?? []).filter((history) => history.items.some((item) => item.field === 'status'));
  return statusChanges[statusChanges.length - 1]?.created;
}

describe('sample site: size and identity', () => {
  it('holds about 200 items across the five projects, with unique keys and ids', () => {
    expect(issues.length).toBeGreaterThanOrEqual(180);
    expect(issues.length).toBeLessThanOrEqual(220);
    expect(new Set(issues.map((issue) => issue.key)).size).toBe(issues.length);
    expect(new Set(issues.map((issue) => issue.id)).size).toBe(issues.length);
    expect([...searchPages().keys()].sort()).toEqual(['GRO', 'IDEA', 'OPS', 'PAY', 'PLAT']);
  });

  it('keys and ids grow with creation time, as Jira assigns them', () => {
    for (const project of searchPages().keys()) {
      const created = issues
        .filter((issue) => issue.fields.project.key === project)
        .sort((a, b) => Number(a.key.split('-')[1]) - Number(b.key.split('-')[1]))
        .map((issue) => issue.fields.created);
      expect(created).toEqual([...created].sort());
    }
    const byId = [...issues].sort((a, b) => Number(a.id) - Number(b.id)).map((issue) => issue.fields.created);
    expect(byId).toEqual([...byId].sort());
  });
});

describe('sample site: search pagination', () => {
  it('chains pages with nextPageToken until the last page says isLast', () => {
    const tokens = new Set<string>();
    for (const [project, pages] of searchPages()) {
      pages.forEach((page, index) => {
        const last = index === pages.length - 1;
        expect(page.isLast, `${project} page ${index + 1}`).toBe(last);
        expect(page.issues.length).toBeLessThanOrEqual(50);
        if (last) expect(page.nextPageToken).toBeUndefined();
        else {
          expect(page.issues.length).toBe(50);
          expect(typeof page.nextPageToken).toBe('string');
          tokens.add(String(page.nextPageToken));
        }
        for (const issue of page.issues) expect(issue.fields.project.key).toBe(project);
      });
    }
    expect(tokens.size).toBeGreaterThan(0);
  });

  it('returns each project in rank order', () => {
    const rank = customFieldId('Rank');
    for (const pages of searchPages().values()) {
      const ranks = pages.flatMap((page) => page.issues).map((issue) => field<string>(issue, rank));
      expect(ranks).toEqual([...ranks].sort());
    }
  });
});

describe('sample site: references between files', () => {
  it('every issue type exists in issuetype.json with the same hierarchy level', () => {
    for (const issue of issues) {
      const type = issueTypes.find((candidate) => candidate.id === issue.fields.issuetype.id);
      expect(type, issue.key).toBeDefined();
      expect(type?.name).toBe(issue.fields.issuetype.name);
      expect(type?.hierarchyLevel).toBe(issue.fields.issuetype.hierarchyLevel);
      expect(type?.subtask).toBe(type?.hierarchyLevel === -1);
      if (type?.scope) expect(type.scope.project.id).toBe(issue.fields.project.id);
    }
    const levels = new Set(issues.map((issue) => issue.fields.issuetype.hierarchyLevel));
    expect([...levels].sort()).toEqual([-1, 0, 1, 2]);
  });

  it('parents exist, sit one hierarchy level up, and list their sub-tasks', () => {
    for (const issue of issues) {
      const parentRef = issue.fields.parent;
      if (!parentRef) continue;
      const parent = byKey.get(parentRef.key);
      expect(parent, `${issue.key} → ${parentRef.key}`).toBeDefined();
      if (!parent) continue;
      expect(parent.id).toBe(parentRef.id);
      expect(parentRef.fields.summary).toBe(parent.fields.summary);
      expect(parentRef.fields.status.name).toBe(parent.fields.status.name);
      const level = issue.fields.issuetype.hierarchyLevel;
      expect(parent.fields.issuetype.hierarchyLevel, `${issue.key} under ${parent.key}`).toBe(level === -1 ? 0 : level + 1);
      if (level === -1) expect(parent.fields.subtasks.map((subtask) => subtask.key)).toContain(issue.key);
      expect(parent.fields.created <= issue.fields.created, `${issue.key} created before its parent ${parent.key}`).toBe(true);
    }
    for (const issue of issues) {
      for (const subtask of issue.fields.subtasks) expect(byKey.get(subtask.key)?.fields.parent?.key).toBe(issue.key);
    }
  });

  it("sprint ids exist on the board of the issue's project, with the same name and state", () => {
    const sprintField = customFieldId('Sprint');
    for (const issue of issues) {
      const sprints = field<{ id: number; name: string; state: string; boardId: number }[] | null>(issue, sprintField);
      if (!sprints) continue;
      for (const sprint of sprints) {
        const board = boards.find((candidate) => candidate.id === sprint.boardId);
        expect(board?.location.projectKey, issue.key).toBe(issue.fields.project.key);
        const page = readJson<{ values: { id: number; name: string; state: string }[] }>(`sprints/${sprint.boardId}.json`);
        const onBoard = page.values.find((candidate) => candidate.id === sprint.id);
        expect(onBoard, `${issue.key} sprint ${sprint.id}`).toMatchObject({ name: sprint.name, state: sprint.state });
      }
    }
  });

  it("fix versions exist in the project's versions with the same name and release date", () => {
    for (const issue of issues) {
      const versions = readJson<{ id: string; name: string; releaseDate?: string }[]>(`versions/${issue.fields.project.key}.json`);
      for (const version of issue.fields.fixVersions) {
        const known = versions.find((candidate) => candidate.id === version.id);
        expect(known, `${issue.key} ${version.name}`).toMatchObject({ name: version.name, releaseDate: version.releaseDate });
      }
    }
  });

  it('every custom field on an issue is declared in field.json', () => {
    for (const issue of issues) {
      for (const id of Object.keys(issue.fields).filter((name) => name.startsWith('customfield_'))) {
        expect(fieldIds.has(id), `${issue.key} ${id}`).toBe(true);
      }
    }
  });

  it('every changelog belongs to an issue, and the last status change matches the current status', () => {
    const ids = new Set(issues.map((issue) => issue.id));
    for (const log of changelogs) expect(ids.has(log.issueId), log.issueId).toBe(true);
    for (const issue of issues) {
      const log = changelogs.find((entry) => entry.issueId === issue.id);
      expect(log, issue.key).toBeDefined();
      const created = (log?.changeHistories ?? []).map((history) => history.created);
      expect(created).toEqual([...created].sort());
      for (const at of created) {
        expect(at >= issue.fields.created, `${issue.key} history before creation`).toBe(true);
        expect(at <= issue.fields.updated, `${issue.key} history after last update`).toBe(true);
      }
      const statusItems = (log?.changeHistories ?? []).flatMap((history) => history.items.filter((item) => item.field === 'status'));
      const last = statusItems[statusItems.length - 1];
      if (last) expect(last.toString, issue.key).toBe(issue.fields.status.name);
    }
  });

  it('every status has its transitions, and recorded decisions point at real issues and people', () => {
    for (const issue of issues) expect(Object.keys(transitions), issue.key).toContain(issue.fields.status.name);
    for (const [status, response] of Object.entries(transitions)) {
      for (const transition of response.transitions) expect(Object.keys(transitions), `${status} → ${transition.to.name}`).toContain(transition.to.name);
    }
    const people = new Set(
      issues.flatMap((issue) => ['assignee', 'reporter'].map((name) => (issue.fields[name] as { accountId?: string } | null)?.accountId)),
    );
    const properties = readJson<Record<string, { 'who-owns.decision': { role: string; owner?: { accountId: string }; decidedBy: { accountId: string }; source: string } }>>(
      'properties.json',
    );
    for (const [key, value] of Object.entries(properties)) {
      expect(byKey.has(key), key).toBe(true);
      const decision = value['who-owns.decision'];
      expect(['PO', 'PM', 'none']).toContain(decision.role);
      expect(decision.source).toBe('jira-property');
      expect(people.has(decision.decidedBy.accountId)).toBe(true);
      if (decision.owner) expect(people.has(decision.owner.accountId)).toBe(true);
    }
  });
});

describe('sample site: agrees with samples/who-owns.yaml', () => {
  it('has every project, board and component the team file names, and the people it names', () => {
    const projectKeys = readJson<{ key: string }[]>('projects.json').map((project) => project.key);
    const accountIds = new Set(
      issues.flatMap((issue) => ['assignee', 'reporter'].map((name) => (issue.fields[name] as { accountId?: string } | null)?.accountId)),
    );
    for (const team of teamFile.teams) {
      for (const project of team.jira.projects) expect(projectKeys).toContain(project);
      for (const board of team.jira.boards) {
        expect(boards.map((candidate) => candidate.id)).toContain(board);
        expect(listFiles('sprints')).toContain(`${board}.json`);
      }
      for (const component of team.jira.components ?? []) {
        expect(issues.some((issue) => issue.fields.components.some((candidate) => candidate.name === component))).toBe(true);
      }
      for (const person of [team.po, team.pm]) if (person) expect(accountIds.has(person.jira), person.jira).toBe(true);
    }
  });

  it("offers each team's accept and reject transitions from its acceptance statuses", () => {
    for (const team of teamFile.teams) {
      if (!team.acceptance) continue;
      for (const status of team.acceptance.statuses) {
        const names = transitions[status]?.transitions.map((transition) => transition.name) ?? [];
        expect(names, `${team.id} ${status}`).toEqual(expect.arrayContaining([team.acceptance.acceptTransition, team.acceptance.rejectTransition]));
      }
    }
  });

  it('has stories waiting for acceptance both briefly and for five or more working days, per team', () => {
    for (const team of teamFile.teams) {
      if (!team.acceptance) continue;
      const waiting = issues.filter(
        (issue) => team.jira.projects.includes(issue.fields.project.key) && team.acceptance?.statuses.includes(issue.fields.status.name),
      );
      const ages = waiting.map((issue) => workingDaysBefore(String(statusEnteredAt(issue))));
      expect(ages.some((days) => days <= 1), `${team.id} ${ages}`).toBe(true);
      expect(ages.some((days) => days >= 5), `${team.id} ${ages}`).toBe(true);
      for (const issue of waiting) expect(issue.fields.status.statusCategory.key).toBe('indeterminate');
    }
  });

  it('includes restricted, unmatched and two-team Checkout items', () => {
    const claimed = new Set(teamFile.teams.flatMap((team) => team.jira.projects));
    expect(issues.filter((issue) => issue.fields.security !== null).length).toBeGreaterThanOrEqual(3);
    expect(issues.filter((issue) => !claimed.has(issue.fields.project.key)).length).toBeGreaterThanOrEqual(5);
    const checkoutProjects = new Set(
      issues.filter((issue) => issue.fields.components.some((component) => component.name === 'Checkout')).map((issue) => issue.fields.project.key),
    );
    expect([...checkoutProjects].sort()).toEqual(['GRO', 'PLAT']);
  });
});

describe('sample site: rich text', () => {
  const KNOWN_NODES = new Set(['doc', 'paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'text', 'hardBreak', 'codeBlock', 'panel']);

  function walk(node: Json, path: string, problems: string[]): void {
    if (!KNOWN_NODES.has(String(node.type))) problems.push(`${path}: node ${String(node.type)}`);
    if (node.type === 'text' && !(typeof node.text === 'string' && node.text.length > 0)) problems.push(`${path}: empty text`);
    for (const child of (node.content as Json[] | undefined) ?? []) walk(child, `${path}/${String(child.type)}`, problems);
  }

  it('descriptions and acceptance criteria are ADF documents', () => {
    const acceptanceField = customFieldId('Acceptance criteria');
    const problems: string[] = [];
    let documents = 0;
    for (const issue of issues) {
      for (const [label, value] of [
        ['description', issue.fields.description],
        ['acceptance criteria', issue.fields[acceptanceField] as Json | null | undefined],
      ] as const) {
        if (!value) continue;
        documents++;
        if (value.version !== 1 || value.type !== 'doc') problems.push(`${issue.key} ${label}: not an ADF doc`);
        walk(value, `${issue.key} ${label}`, problems);
      }
    }
    expect(problems).toEqual([]);
    expect(documents).toBeGreaterThan(120);
  });
});
