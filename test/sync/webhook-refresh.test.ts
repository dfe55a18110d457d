import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue, QueueEvents, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJiraWebhookHandler } from '../../src/jira/webhook.js';
import { QUEUES } from '../../src/queue/queues.js';
import type { Adapters } from '../../src/runtime/adapters.js';
import { type SyncDeps, syncTeam } from '../../src/sync/sync-team.js';
import { syncDepsFrom } from '../../src/sync/wire.js';
import { enqueueRefresh, startSyncWorker } from '../../workers/sync.worker.js';
import { aTeam } from '../support/builders.js';
import { type FakeJira, generateSite, startFakeJira, touch } from '../support/fake-jira-server.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { testAdapters } from '../support/test-adapters.js';

const SECRET = 'webhook-secret-for-tests';
const team = aTeam({ id: 'payments', name: 'Payments', jira: { projects: ['PAY'], boards: [], components: [] } });

describe('Jira webhook → sync queue → store', () => {
  let redis: TestRedis;
  let client: Redis;
  let jira: FakeJira;
  let queue: Queue;
  let events: QueueEvents;
  let worker: Worker;
  let server: Server;
  let url: string;
  let deps: SyncDeps;
  let adapters: Adapters;
  const deliveries = () => adapters.webhookDeliveries;

  beforeAll(async () => {
    redis = await startTestRedis();
    client = redis.client();
    jira = await startFakeJira(generateSite({ count: 20 }));
    const built = testAdapters(client, { prefix: 'wo', teams: [team], env: { JIRA_BASE_URL: jira.url, JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 'x', JIRA_MAX_RPS: '1000' } });
    adapters = built.adapters;
    deps = syncDepsFrom(adapters, built.config, { now: () => new Date('2026-11-23T10:00:00Z') });
    await syncTeam(deps, team, 'full');
    queue = new Queue(QUEUES.sync, { connection: client, prefix: 'wo' });
    events = new QueueEvents(QUEUES.sync, { connection: redis.client(), prefix: 'wo' });
    worker = startSyncWorker(deps, redis.client(), 'wo');
    const handler = createJiraWebhookHandler({ secret: SECRET, enqueue: (r) => enqueueRefresh(queue, r.keys, r.deliveryId), deliveries: deliveries() });
    server = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/jira`;
  });
  afterAll(async () => {
    server.close();
    await worker.close();
    await events.close();
    await queue.close();
    await jira.close();
    await redis.stop();
  });

  it('handles the same delivery once when Jira sends it three times', async () => {
    touch(jira.site, 'PAY-7', new Date('2026-11-23T10:30:00Z'), 'Renamed in Jira');
    const body = JSON.stringify({ timestamp: 1763893800000, webhookEvent: 'jira:issue_updated', issue: { id: '100007', key: 'PAY-7' } });
    const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
    const headers = { 'content-type': 'application/json', 'x-hub-signature': signature, 'x-atlassian-webhook-identifier': 'b6e4f0a2-7d9c-4c1e-9a55-1f3c2d7e8a90' };
    const fetchesBefore = jira.bulkFetches.length;
    const refreshed: number[] = [];
    events.on('completed', ({ returnvalue }) => refreshed.push((returnvalue as unknown as { changed: number }).changed));

    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      statuses.push((await fetch(url, { method: 'POST', body, headers })).status);
      // Jira retries after the first attempt was handled, once the refresh job is long gone.
      await new Promise((r) => setTimeout(r, 300));
      await queue.clean(0, 100, 'completed');
    }

    expect(statuses).toEqual([202, 200, 200]);
    expect(refreshed).toEqual([1]);
    expect(jira.bulkFetches.slice(fetchesBefore).map((b) => b.keys)).toEqual([['PAY-7']]);
    expect((await deps.store.getItem('PAY-7'))?.summary).toBe('Renamed in Jira');
  });
});
