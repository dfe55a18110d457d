import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/domain/verdict.js';
import { workItem } from '../../src/domain/work-item.js';
import type { ItemStore } from '../../src/ports.js';
import { MemoryItemStore } from '../../src/store/memory-item-store.js';
import { RedisItemStore } from '../../src/store/redis-item-store.js';
import { aTeam } from '../support/builders.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';

const payments = aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [12], components: [] } });
const growth = aTeam({ id: 'growth', name: 'Growth', jira: { projects: ['GRO'], boards: [], components: [] } });
const teams = [payments, growth];
const SITE = 'https://acme-pay.atlassian.net';

const story = workItem({
  key: 'PAY-474',
  id: '10559',
  summary: 'As a merchant, I can choose SEPA Instant',
  issueType: 'Story',
  hierarchyLevel: 0,
  status: payments.acceptance.statuses[0] ?? 'Ready for acceptance',
  statusCategory: 'indeterminate',
  description: 'Given a euro account… '.repeat(200),
  acceptanceCriteria: 'Given a SEPA payout when instant is chosen then it settles in 10 s',
  assignee: { accountId: '712020:priya-nair', displayName: 'Priya Nair' },
  sprints: [{ id: 42, name: 'Sprint 42', state: 'active' }],
  fixVersions: [{ name: '2026.12', releaseDate: '2026-12-10', released: false }],
  labels: ['sepa'],
  boardIds: [12],
  rank: '0|i0000f:',
  updated: '2026-11-20T10:00:00.000Z',
  url: `${SITE}/browse/PAY-474`,
});
const initiative = workItem({ key: 'PAY-469', summary: 'Pricing for instant payouts', issueType: 'Initiative', hierarchyLevel: 2, url: `${SITE}/browse/PAY-469` });

function verdict(key: string, overrides: Partial<Verdict> = {}): Verdict {
  return {
    key,
    role: 'PO',
    confidence: 0.9,
    state: 'owned',
    teamId: 'payments',
    owners: [{ slackId: 'U0PRIYA01' }],
    reasons: [{ signal: 'sprint', role: 'PO', weight: 3, evidence: { field: 'sprint', value: 'Sprint 42' }, text: 'in active sprint “Sprint 42”' }],
    ...overrides,
  };
}

let redis: TestRedis;
let client: Redis;
beforeAll(async () => {
  redis = await startTestRedis();
  client = redis.client();
});
afterAll(() => redis.stop());

describe.each([
  ['RedisItemStore', () => new RedisItemStore(client, 'wo', teams, SITE) as ItemStore],
  ['MemoryItemStore', () => new MemoryItemStore(teams) as ItemStore],
])('store/%s', (_name, make) => {
  let store: ItemStore;
  beforeEach(async () => {
    await client.flushall();
    store = make();
  });

  it('gives back what sync stored: fields that answers and digests show, in order of the keys asked', async () => {
    await store.putItems([story, initiative]);

    const [first, missing, second] = await store.getItems(['PAY-474', 'PAY-999', 'PAY-469']);

    expect(missing).toBeNull();
    expect(first).toMatchObject({ key: 'PAY-474', id: '10559', projectKey: 'PAY', status: story.status, sprints: story.sprints, fixVersions: story.fixVersions, assignee: story.assignee, rank: '0|i0000f:', url: `${SITE}/browse/PAY-474` });
    expect(first?.description.startsWith('Given a euro account')).toBe(true);
    expect(second).toMatchObject({ key: 'PAY-469', issueType: 'Initiative', hierarchyLevel: 2 });
  });

  it('indexes keys by team, attention and acceptance, and moves them when a verdict changes team', async () => {
    await store.putItems([story, initiative]);
    await store.putVerdicts([verdict('PAY-474'), verdict('PAY-469', { role: 'unclear', state: 'owned' })]);

    expect((await store.teamItemKeys('payments')).sort()).toEqual(['PAY-469', 'PAY-474']);
    expect(await store.attentionKeys('payments')).toEqual(['PAY-469']);
    expect(await store.awaitingAcceptanceKeys('payments')).toEqual(['PAY-474']);

    await store.putVerdicts([verdict('PAY-469', { role: 'PM', teamId: 'growth' })]);

    expect(await store.teamItemKeys('payments')).toEqual(['PAY-474']);
    expect(await store.attentionKeys('payments')).toEqual([]);
    expect(await store.teamItemKeys('growth')).toEqual(['PAY-469']);
    expect((await store.getVerdict('PAY-469'))?.reasons[0]?.text).toBe('in active sprint “Sprint 42”');
  });

  it('lists for acceptance only work items in an acceptance status, never an initiative or epic that reached one', async () => {
    const finishedInitiative = { ...initiative, status: story.status };
    await store.putItems([story, finishedInitiative]);
    await store.putVerdicts([verdict('PAY-474'), verdict('PAY-469', { role: 'PM' })]);

    expect(await store.awaitingAcceptanceKeys('payments')).toEqual(['PAY-474']);
  });

  it('forgets deleted items everywhere', async () => {
    await store.putItems([story, initiative]);
    await store.putVerdicts([verdict('PAY-474'), verdict('PAY-469', { role: 'unclear' })]);

    await store.deleteItems(['PAY-474', 'PAY-469']);

    expect(await store.getItems(['PAY-474', 'PAY-469'])).toEqual([null, null]);
    expect(await store.getVerdict('PAY-474')).toBeNull();
    expect(await store.teamItemKeys('payments')).toEqual([]);
    expect(await store.attentionKeys('payments')).toEqual([]);
    expect(await store.awaitingAcceptanceKeys('payments')).toEqual([]);
  });
});

describe('store/RedisItemStore footprint', () => {
  it('keeps an item with a long description and its verdict under 1 KB of Redis memory', async () => {
    await client.flushall();
    const store = new RedisItemStore(client, 'wo', teams, SITE);
    const items = Array.from({ length: 500 }, (_, i) => ({ ...story, key: `PAY-${i + 1}`, id: String(20_000 + i), summary: `${story.summary} ${i}` }));
    const before = Number(/used_memory:(\d+)/.exec(await client.info('memory'))?.[1]);

    await store.putItems(items);
    await store.putVerdicts(items.map((item) => verdict(item.key)));

    const after = Number(/used_memory:(\d+)/.exec(await client.info('memory'))?.[1]);
    expect((after - before) / items.length).toBeLessThan(1024);
    expect((await store.getItem('PAY-500'))?.summary).toBe(`${story.summary} 499`);
  });
});
