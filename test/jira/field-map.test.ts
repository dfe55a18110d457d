import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLOUD_FIELD_MAP, type FieldDescription, fieldMapFromFields, fieldMapFromNames, fieldMapFromValues } from '../../src/jira/field-map.js';

function fields(name: string): FieldDescription[] {
  return JSON.parse(readFileSync(new URL(`../fixtures/jira-raw/${name}`, import.meta.url), 'utf8')) as FieldDescription[];
}

describe('jira/field-map', () => {
  it('resolves the Agile and Advanced Roadmaps fields of a real Data Center site (issues.apache.org) by schema type', () => {
    const map = fieldMapFromFields(fields('apache-fields.json'));
    const byId = new Map(fields('apache-fields.json').map((f) => [f.id, f]));
    expect(byId.get(map.sprint ?? '')?.schema?.custom).toBe('com.pyxis.greenhopper.jira:gh-sprint');
    expect(byId.get(map.epicLink ?? '')?.schema?.custom).toBe('com.pyxis.greenhopper.jira:gh-epic-link');
    expect(byId.get(map.targetStart ?? '')?.schema?.custom).toBe('com.atlassian.jpo:jpo-custom-field-baseline-start');
    expect(byId.get(map.targetEnd ?? '')?.schema?.custom).toBe('com.atlassian.jpo:jpo-custom-field-baseline-end');
    expect(map.storyPoints.map((id) => byId.get(id)?.name)).toContain('Story Points');
  });

  it('collects every story-point field a site has (both "Story Points" and "Story point estimate")', () => {
    const map = fieldMapFromFields(fields('jira-fields.json'));
    expect(map.storyPoints.length).toBeGreaterThanOrEqual(2);
    expect(map.sprint).toMatch(/^customfield_\d+$/);
  });

  it('never mistakes "Original story points" for the estimate', () => {
    const map = fieldMapFromFields(fields('cloud-fields.json'));
    expect(map.storyPoints).toEqual([]);
  });

  it('falls back to names when the schema type is unknown, and reads search responses with expand=names', () => {
    const map = fieldMapFromNames({ summary: 'Summary', customfield_10020: 'Sprint', customfield_10016: 'Story point estimate', customfield_10040: 'Acceptance Criteria', customfield_10014: 'Epic Link', customfield_10022: 'Target start', customfield_10023: 'Target end', customfield_10001: 'Team' });
    expect(map).toMatchObject({ sprint: 'customfield_10020', storyPoints: ['customfield_10016'], acceptanceCriteria: 'customfield_10040', epicLink: 'customfield_10014', targetStart: 'customfield_10022', targetEnd: 'customfield_10023', team: 'customfield_10001' });
  });
});

describe('jira/field-map without names', () => {
  it('recognises a Data Center sprint field and rank from their values', () => {
    const issues = [{ key: 'AR-1', fields: { customfield_10005: ['com.atlassian.greenhopper.service.sprint.Sprint@14b1c359[id=1,rapidViewId=1,state=ACTIVE,name=Sprint 1]'], customfield_11200: '0|0zzzzd:vi', customfield_10700: 'AR-37' } }];
    const map = fieldMapFromValues(issues);
    expect(map.sprint).toBe('customfield_10005');
    expect(map.rank).toBe('customfield_11200');
    expect(map.storyPoints).toEqual(DEFAULT_CLOUD_FIELD_MAP.storyPoints);
  });
});
