import { afterEach, describe, expect, it } from 'vitest';
import { createJiraClients } from '../../src/jira/jira-clients.js';
import { JiraRequestError } from '../../src/jira/jira-errors.js';
import { createJiraWriter } from '../../src/jira/jira-writer.js';
import { type FakeJira, generateSite, startFakeJira } from '../support/fake-jira-server.js';

const ACCEPT = { transitions: [{ id: '31', name: 'Accept', to: { id: '10002', name: 'Done', statusCategory: { key: 'done' } } }, { id: '41', name: 'Reject', to: { id: '10000', name: 'To Do', statusCategory: { key: 'new' } } }] };

function siteReadyForAcceptance() {
  const site = generateSite({ count: 3 });
  const issue = site.issues[0] as { fields: Record<string, unknown> };
  issue.fields.status = { name: 'Ready for acceptance', statusCategory: { key: 'indeterminate' } };
  site.transitions = { 'Ready for acceptance': ACCEPT };
  return site;
}

describe('jira/jira-writer against a fake Jira on loopback', () => {
  let fake: FakeJira | undefined;
  afterEach(() => fake?.close());

  function writer(deployment: 'cloud' | 'datacenter') {
    if (!fake) throw new Error('start the fake first');
    return createJiraWriter(createJiraClients({ baseUrl: fake.url, deployment, bearer: 'pat', limits: { maxConcurrency: 2, maxPerSecond: 100, baseBackoffMs: 1 } }));
  }

  it('lists the transitions a PO can take and moves the item to Done', async () => {
    fake = await startFakeJira(siteReadyForAcceptance());
    const jira = writer('cloud');

    const transitions = await jira.listTransitions('PAY-1');
    await jira.transition('PAY-1', transitions.find((t) => t.name === 'Accept')?.id ?? '');

    expect(transitions).toEqual([
      { id: '31', name: 'Accept', to: 'Done' },
      { id: '41', name: 'Reject', to: 'To Do' },
    ]);
    expect(((fake.site.issues[0] as { fields: { status: { name: string } } }).fields.status.name)).toBe('Done');
  });

  it('refuses a transition the item does not offer with Jira’s own message', async () => {
    fake = await startFakeJira(siteReadyForAcceptance());

    const attempt = writer('cloud').transition('PAY-1', '999');

    await expect(attempt).rejects.toBeInstanceOf(JiraRequestError);
    await expect(attempt).rejects.toThrow(/Transition id '999' is not valid/);
  });

  it('comments as ADF on Cloud, one paragraph per line, and as plain text on Data Center', async () => {
    fake = await startFakeJira(siteReadyForAcceptance());

    await writer('cloud').addComment('PAY-1', 'Accepted by Priya\nvia who-owns');
    await writer('datacenter').addComment('PAY-2', 'Rejected: criteria 2 not met');

    expect(fake.site.comments?.['PAY-1']).toEqual([
      {
        type: 'doc',
        version: 1,
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Accepted by Priya' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'via who-owns' }] },
        ],
      },
    ]);
    expect(fake.site.comments?.['PAY-2']).toEqual(['Rejected: criteria 2 not met']);
  });

  it('writes the who-owns.decision property that the next sync reads back', async () => {
    fake = await startFakeJira(siteReadyForAcceptance());
    const decision = { role: 'PM', decidedBy: { slackId: 'U0MARCO02' }, decidedAt: '2026-11-23T09:00:00.000Z', source: 'slack' };

    await writer('cloud').setProperty('PAY-3', 'who-owns.decision', decision);

    expect(fake.site.properties['PAY-3']?.['who-owns.decision']).toEqual(decision);
  });

  it('rejects a malformed key before calling Jira', async () => {
    fake = await startFakeJira(siteReadyForAcceptance());
    const before = fake.requests;

    await expect(writer('cloud').addComment('PAY-1/../../admin', 'x')).rejects.toThrow(/not a Jira issue key/);
    expect(fake.requests).toBe(before);
  });

  it('names the credential to fix when Jira answers 401', async () => {
    fake = await startFakeJira(siteReadyForAcceptance(), { status: 401 });

    await expect(writer('cloud').listTransitions('PAY-1')).rejects.toThrow(/\(401\).*JIRA_PAT/);
  });
});
