import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SampleJiraServer, startSampleJiraServer } from '../../src/demo/sample-jira-server.js';
import { createJiraClients, type JiraClients } from '../../src/jira/jira-clients.js';
import { fetchFieldMap, fetchItems, scopeCondition } from '../../src/jira/jira-source.js';

describe('jira/jira-source against the bundled sample site on loopback', () => {
  let server: SampleJiraServer;
  let clients: JiraClients;

  beforeAll(async () => {
    server = await startSampleJiraServer('samples/jira');
    clients = createJiraClients({ baseUrl: server.url, deployment: 'cloud', basic: { email: 'bot@example.com', apiToken: 'not-a-real-token' } });
  });
  afterAll(() => server.close());

  it('resolves the site’s custom fields from GET /field', async () => {
    const fieldMap = await fetchFieldMap(clients);

    expect(fieldMap).toMatchObject({ sprint: 'customfield_10020', targetEnd: 'customfield_10023', acceptanceCriteria: 'customfield_10035' });
    expect(fieldMap.storyPoints).toContain('customfield_10016');
  });

  it('pages through search/jql with nextPageToken to the last page and keeps every item', async () => {
    const fieldMap = await fetchFieldMap(clients);

    const result = await fetchItems(clients, scopeCondition({ projects: ['PAY', 'GRO', 'IDEA', 'PLAT', 'OPS'], components: [] }), fieldMap, server.siteUrl);

    expect(result.items).toHaveLength(206);
    expect(result.requests).toBeGreaterThan(2);
    expect(new Set(result.items.map((i) => i.key)).size).toBe(206);
    expect(result.items.find((i) => i.key === 'PAY-474')).toMatchObject({ status: 'Ready for acceptance', sprints: [{ state: 'active' }], url: 'https://acme-pay.atlassian.net/browse/PAY-474' });
    expect(result.items.find((i) => i.key === 'PAY-469')?.decision?.role).toBe('PM');
  });

  it('pulls a team’s components from other projects too', async () => {
    const fieldMap = await fetchFieldMap(clients);

    const result = await fetchItems(clients, scopeCondition({ projects: ['PLAT'], components: ['Checkout'] }), fieldMap);

    expect(result.items.some((i) => i.projectKey === 'GRO' && i.components.includes('Checkout'))).toBe(true);
    expect(result.items.every((i) => i.projectKey === 'PLAT' || i.components.includes('Checkout'))).toBe(true);
  });

  it('quotes project keys and components so they stay literals', () => {
    expect(scopeCondition({ projects: ['PAY'], components: ['Check"out OR project = X'] })).toBe('project in ("PAY") OR component in ("Check\\"out OR project = X")');
  });
});
