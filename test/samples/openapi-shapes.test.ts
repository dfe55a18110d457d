import { beforeAll, describe, expect, it } from 'vitest';
import { createSchemaValidator, type SchemaValidator } from './openapi-validator.js';
import { allIssues, type Json, listFiles, readJson, searchPages } from './sample-site.js';

let validator: SchemaValidator;

beforeAll(() => {
  validator = createSchemaValidator();
});

/** Collects every schema error over a list of values, labelled, so one failure names them all. */
function errorsOf(spec: 'platform' | 'software', name: string, values: [string, unknown][]): string[] {
  return values.flatMap(([label, value]) => validator.errors(spec, name, value).map((error) => `${label}: ${error}`));
}

describe('the validator itself', () => {
  it('rejects values that break the schema, so passing tests mean something', () => {
    const version = readJson<Json[]>('versions/PAY.json')[0];
    expect(validator.errors('platform', 'Version', version)).toEqual([]);
    expect(validator.errors('platform', 'Version', { ...version, releasedOn: '2026-10-14' })).not.toEqual([]);
    expect(validator.errors('platform', 'Version', { ...version, released: 'yes' })).not.toEqual([]);
    const issueType = readJson<Json[]>('issuetype.json')[0];
    expect(validator.errors('platform', 'IssueTypeDetails', { ...issueType, hierarchyLevel: 1.5 })).not.toEqual([]);
    expect(validator.errors('platform', 'Changelog', { created: 'last Tuesday' })).not.toEqual([]);
  });
});

describe('sample site files match the Jira Cloud OpenAPI schemas', () => {
  it('search pages are SearchAndReconcileResults (POST /rest/api/3/search/jql)', () => {
    const pages: [string, unknown][] = [];
    for (const [project, list] of searchPages()) {
      list.forEach((page, index) => {
        pages.push([`${project}-${index + 1}`, page]);
      });
    }
    expect(errorsOf('platform', 'SearchAndReconcileResults', pages)).toEqual([]);
  });

  it('issue field values match the schemas of the objects they embed', () => {
    const errors: string[] = [];
    const check = (name: string, label: string, value: unknown) => {
      if (value !== null && value !== undefined) errors.push(...errorsOf('platform', name, [[label, value]]));
    };
    for (const issue of allIssues()) {
      const fields = issue.fields as Json;
      check('IssueTypeDetails', `${issue.key} issuetype`, fields.issuetype);
      check('StatusDetails', `${issue.key} status`, fields.status);
      check('ProjectDetails', `${issue.key} project`, fields.project);
      check('Priority', `${issue.key} priority`, fields.priority);
      check('Resolution', `${issue.key} resolution`, fields.resolution);
      check('SecurityLevel', `${issue.key} security`, fields.security);
      check('LinkedIssue', `${issue.key} parent`, fields.parent);
      for (const person of ['assignee', 'reporter', 'creator']) check('UserDetails', `${issue.key} ${person}`, fields[person]);
      for (const version of issue.fields.fixVersions) check('Version', `${issue.key} fixVersion`, version);
      for (const component of issue.fields.components) check('ProjectComponent', `${issue.key} component`, component);
      for (const subtask of issue.fields.subtasks) check('LinkedIssue', `${issue.key} subtask`, subtask);
    }
    expect(errors).toEqual([]);
  });

  it('field.json is a list of FieldDetails (GET /rest/api/3/field)', () => {
    const fields = readJson<Json[]>('field.json');
    expect(errorsOf('platform', 'FieldDetails', fields.map((field) => [String(field.id), field]))).toEqual([]);
  });

  it('issuetype.json is a list of IssueTypeDetails (GET /rest/api/3/issuetype)', () => {
    const types = readJson<Json[]>('issuetype.json');
    expect(errorsOf('platform', 'IssueTypeDetails', types.map((type) => [String(type.name), type]))).toEqual([]);
  });

  it('projects.json entries are Project values of a PageBeanProject (GET /rest/api/3/project/search)', () => {
    const projects = readJson<Json[]>('projects.json');
    const page = { isLast: true, maxResults: 50, startAt: 0, total: projects.length, values: projects };
    expect(validator.errors('platform', 'PageBeanProject', page)).toEqual([]);
  });

  it('versions/<PROJECT>.json are lists of Version (GET /rest/api/3/project/{key}/versions)', () => {
    const values: [string, unknown][] = [];
    for (const file of listFiles('versions')) for (const version of readJson<Json[]>(`versions/${file}`)) values.push([`${file} ${version.name}`, version]);
    expect(values.length).toBeGreaterThan(0);
    expect(errorsOf('platform', 'Version', values)).toEqual([]);
  });

  it('changelogs.json is a BulkChangelogResponseBean (POST /rest/api/3/changelog/bulkfetch)', () => {
    expect(validator.errors('platform', 'BulkChangelogResponseBean', readJson('changelogs.json'))).toEqual([]);
  });

  it('transitions.json values are Transitions (GET /rest/api/3/issue/{key}/transitions)', () => {
    const transitions = readJson<Record<string, unknown>>('transitions.json');
    expect(errorsOf('platform', 'Transitions', Object.entries(transitions))).toEqual([]);
  });

  it('properties.json values are issue EntityProperty values', () => {
    const properties = readJson<Record<string, Record<string, unknown>>>('properties.json');
    const values: [string, unknown][] = Object.entries(properties).flatMap(([issueKey, byKey]) =>
      Object.entries(byKey).map(([key, value]): [string, unknown] => [`${issueKey} ${key}`, { key, value }]),
    );
    expect(values.length).toBeGreaterThan(0);
    expect(errorsOf('platform', 'EntityProperty', values)).toEqual([]);
  });

  it('boards.json is a PageBeanBoard and sprints/<board>.json are sprint pages (agile API)', () => {
    expect(validator.errors('software', 'PageBeanBoard', readJson('boards.json'))).toEqual([]);
    const pages = listFiles('sprints').map((file): [string, unknown] => [file, readJson(`sprints/${file}`)]);
    expect(pages.length).toBeGreaterThan(0);
    expect(errorsOf('software', 'PageBeanSprint', pages)).toEqual([]);
  });
});
