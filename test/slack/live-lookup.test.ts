import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load-config.js';
import { type SampleJiraServer, startSampleJiraServer } from '../../src/demo/sample-jira-server.js';
import { answerWhoOwns } from '../../src/slack/answer-who-owns.js';
import { createLiveLookup } from '../../src/slack/live-lookup.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { testAdapters } from '../support/test-adapters.js';

describe('slack/live-lookup: /who-owns KEY on a store miss reads Jira once', () => {
  let redis: TestRedis;
  let jira: SampleJiraServer;
  const teams = loadConfig({}, 'samples/who-owns.yaml').teams.teams;

  beforeAll(async () => {
    redis = await startTestRedis();
    jira = await startSampleJiraServer('samples/jira');
  });
  afterAll(async () => {
    await jira.close();
    await redis.stop();
  });

  it('answers an item the store does not have yet, and keeps it for the next question', async () => {
    const { adapters } = testAdapters(redis.client(), { prefix: 'live', env: { JIRA_BASE_URL: jira.url, JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 'x' }, teams });
    const store = adapters.items;
    const fetchLive = createLiveLookup({ jira: adapters.jira!.reader, items: store, decisions: adapters.decisions, teams });
    const deps = { store, teams, search: async () => [], fetchLive };

    const first = await answerWhoOwns(deps, { text: 'PAY-474', userId: 'U0PRIYA01' });
    const requestsAfterFirst = jira.requests;
    const second = await answerWhoOwns(deps, { text: 'PAY-474', userId: 'U0PRIYA01' });

    expect(first.text).toMatch(/^PAY-474: Product Owner/);
    expect(second.text).toBe(first.text);
    expect(jira.requests).toBe(requestsAfterFirst);
    expect((await store.getVerdict('PAY-474'))?.role).toBe('PO');
  });

  it('says it does not know a key Jira does not have', async () => {
    const { adapters } = testAdapters(redis.client(), { prefix: 'live2', env: { JIRA_BASE_URL: jira.url, JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 'x' }, teams });
    const store = adapters.items;
    const fetchLive = createLiveLookup({ jira: adapters.jira!.reader, items: store, decisions: adapters.decisions, teams });

    const answer = await answerWhoOwns({ store, teams, search: async () => [], fetchLive }, { text: 'PAY-99999', userId: 'U0PRIYA01' });

    expect(answer.text).toMatch(/PAY-99999/);
    expect(JSON.stringify(answer.blocks)).toMatch(/don't know PAY-99999/);
  });
});
