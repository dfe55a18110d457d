import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adfToText } from '../../src/jira/adf-to-text.js';
import { DEFAULT_CLOUD_FIELD_MAP, fieldMapFromNames } from '../../src/jira/field-map.js';
import { normaliseIssue, safeNormaliseIssue } from '../../src/jira/normalise-issue.js';
import { wikiToText } from '../../src/jira/wiki-to-text.js';

function fixture<T = Record<string, unknown>>(path: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')) as T;
}

describe('jira/normalise-issue', () => {
  it('reads a real Cloud v3 search response', () => {
    const { issues } = fixture<{ issues: unknown[] }>('jira-raw/cloud-v3-search.json');
    const items = issues.map((raw) => normaliseIssue(raw, DEFAULT_CLOUD_FIELD_MAP, { siteUrl: 'https://example.atlassian.net/' }));
    expect(items.map((i) => [i.key, i.issueType])).toEqual([['TEST-1', 'Bug'], ['TEST-2', 'Story'], ['TEST-3', 'Task']]);
    expect(items[0]?.url).toBe('https://example.atlassian.net/browse/TEST-1');
  });

  it('reads a real Data Center v2 issue: legacy sprint string, story points and epic link from the site field ids', () => {
    const { issues } = fixture<{ issues: Record<string, unknown>[] }>('jira-raw/dc-v2-issues-in-sprint.json');
    const fieldMap = fieldMapFromNames({ customfield_10105: 'Story Points', customfield_10700: 'Epic Link', customfield_10005: 'Sprint' });
    const raw = structuredClone(issues[0]) as { fields: Record<string, unknown> };
    raw.fields.customfield_10005 = ['com.atlassian.greenhopper.service.sprint.Sprint@14b1c359[id=1,rapidViewId=1,state=ACTIVE,name=Sprint 1,goal=,startDate=2016-06-10T13:37:18.000Z,endDate=2016-06-24T13:37:00.000Z,completeDate=<null>,sequence=1]'];
    const item = normaliseIssue(raw, fieldMap);
    expect(item.key).toBe('AR-86');
    expect(item.storyPoints).toBe(13);
    expect(item.parentKey).toBe('AR-37');
    expect(item.sprints).toEqual([{ id: 1, name: 'Sprint 1', state: 'active' }]);
  });

  it('reads the issue inside a real Jira webhook (Data Center, wiki description)', () => {
    const { issue } = fixture<{ issue: unknown }>('jira-raw/webhook-issue-created.json');
    const item = normaliseIssue(issue, fieldMapFromNames({ customfield_10006: 'Epic Link', customfield_10009: 'Rank' }));
    expect(item).toMatchObject({ key: 'BBCOM-1398', issueType: 'Task', description: 'Info', parentKey: 'BBCOM-801', rank: '0|i02x3j:', url: 'https://jira.test-example.ru/jira/browse/BBCOM-1398' });
  });

  it('flattens ADF (Cloud) and wiki markup (Data Center) descriptions to the same plain words', () => {
    const text = adfToText(fixture('jira-raw/cloud-adf-description.json'));
    expect(text).toContain('H1');
    expect(text).toContain('Blockquote text');
    expect(text).not.toContain('"type"');
    expect(wikiToText('h3. Acceptance criteria\n* *Given* a [merchant|https://x.example] on {{/checkout}}\n* When they pay')).toBe('Acceptance criteria\nGiven a merchant on /checkout\nWhen they pay');
  });

  it('takes the epic from every form Jira uses: parent, Epic Link field, agile epic object', () => {
    const base = { key: 'PAY-9', fields: { summary: 's', issuetype: { name: 'Story' } } };
    expect(normaliseIssue({ ...base, fields: { ...base.fields, parent: { key: 'PAY-1' } } }).parentKey).toBe('PAY-1');
    expect(normaliseIssue({ ...base, fields: { ...base.fields, customfield_10014: 'PAY-2' } }).parentKey).toBe('PAY-2');
    expect(normaliseIssue({ ...base, fields: { ...base.fields, epic: { id: 5, key: 'PAY-3', name: 'E' } } }).parentKey).toBe('PAY-3');
  });

  it('reads real Jira Agile REST records as exported: open and closed sprints, agile epic', () => {
    const lines = readFileSync(new URL('../fixtures/eval-real/titanium/items.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { key: string; fields: Record<string, unknown> });
    const withBoth = lines.find((l) => l.fields.sprint && Array.isArray(l.fields.closedSprints) && (l.fields.closedSprints as unknown[]).length > 0);
    const withEpic = lines.find((l) => l.fields.epic);
    if (!withBoth || !withEpic) throw new Error('the Titanium export has records with open and closed sprints and with an agile epic');
    const item = normaliseIssue(withBoth);
    const open = withBoth.fields.sprint as { id: number; name: string };
    expect(item.sprints[0]).toEqual({ id: open.id, name: open.name, state: 'active' });
    expect(item.sprints.filter((s) => s.state === 'closed')).toHaveLength((withBoth.fields.closedSprints as unknown[]).length);
    expect(normaliseIssue(withEpic).parentKey).toBe((withEpic.fields.epic as { key: string }).key);
  });

  it('flattens markdown descriptions (trackers, GitHub imports) without mistaking them for wiki markup', () => {
    const base = { key: 'DEV-1', fields: { summary: 's', issuetype: { name: 'Epic' } } };
    const markdown = '### Community Note\n\n* Please vote with a **reaction** on [the issue](https://example.org/1)\n\n```js\nconst x = 1;\n```';
    expect(normaliseIssue({ ...base, fields: { ...base.fields, description: markdown } }).description).toBe('Community Note\n\nPlease vote with a reaction on the issue\n\nconst x = 1;');
    expect(normaliseIssue({ ...base, fields: { ...base.fields, description: 'h3. Goal\n*Ship* [it|https://x.example]' } }).description).toBe('Goal\nShip it');
  });

  it('reports malformed records with the field at fault instead of throwing', () => {
    expect(safeNormaliseIssue(null)).toEqual({ ok: false, error: '(issue): not a JSON object' });
    expect(safeNormaliseIssue({ fields: {} })).toEqual({ ok: false, error: 'key: missing' });
    expect(safeNormaliseIssue({ key: 'A-1' })).toMatchObject({ ok: false, error: expect.stringContaining('fields') });
    expect(safeNormaliseIssue({ key: 'A-1', fields: { issuetype: {} } })).toMatchObject({ ok: false, error: expect.stringContaining('fields.issuetype.name') });
    const odd = safeNormaliseIssue({ key: 'A-1', fields: { issuetype: { name: 'Story' }, labels: 'not-a-list', customfield_10020: 'garbage', customfield_10016: 'n/a' } });
    expect(odd).toMatchObject({ ok: true, item: { labels: [], sprints: [], storyPoints: null } });
  });
});
