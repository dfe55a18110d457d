import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createJiraWebhookHandler, verifyJiraSignature } from '../../src/jira/webhook.js';
import { enqueueRefresh } from '../../workers/sync.worker.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';

const SECRET = 'webhook-secret-for-tests';
// A real "issue updated" delivery shape (Jira Cloud admin webhook), trimmed.
const payload = JSON.stringify({
  timestamp: 1763892000123,
  webhookEvent: 'jira:issue_updated',
  issue_event_type_name: 'issue_generic',
  user: { accountId: '712020:priya-nair', displayName: 'Priya Nair' },
  issue: { id: '10559', key: 'PAY-474', fields: { summary: 'As a merchant, I can choose SEPA Instant' } },
  changelog: { id: '31999', items: [{ field: 'status', fromString: 'In Progress', toString: 'Ready for acceptance' }] },
});

function sign(body: string, secret = SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

describe('jira/webhook', () => {
  let redis: TestRedis;
  let connection: Redis;
  let queue: Queue;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    redis = await startTestRedis();
    connection = redis.client();
    queue = new Queue('sync', { connection, prefix: 'wo' });
    const handler = createJiraWebhookHandler({ secret: SECRET, enqueue: (r) => enqueueRefresh(queue, r.keys, r.deliveryId) });
    server = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/jira`;
  });
  beforeEach(() => connection.flushall());
  afterAll(async () => {
    server.close();
    await queue.close();
    await redis.stop();
  });

  const post = (body: string, signature?: string) =>
    fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature': signature } : {}) } });

  it('accepts a correctly signed delivery and queues a refresh of its issue', async () => {
    const response = await post(payload, sign(payload));

    expect(response.status).toBe(202);
    const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized']);
    expect(jobs.map((j) => j.data)).toEqual([{ kind: 'refresh', keys: ['PAY-474'] }]);
  });

  it.each`
    case                    | body                                 | signature
    ${'missing signature'}  | ${payload}                           | ${undefined}
    ${'wrong secret'}       | ${payload}                           | ${sign(payload, 'another-secret')}
    ${'a changed byte'}     | ${payload.replace('PAY-474', 'PAY-475')} | ${sign(payload)}
    ${'malformed header'}   | ${payload}                           | ${'sha1=abc'}
  `('rejects $case with 401 and queues nothing', async ({ body, signature }) => {
    const response = await post(body, signature);

    expect(response.status).toBe(401);
    expect(await queue.count()).toBe(0);
  });

  it('treats a redelivery of the same event as one job', async () => {
    await post(payload, sign(payload));
    await post(payload, sign(payload));

    expect(await queue.count()).toBe(1);
  });

  it('verifies signatures in constant form', () => {
    const body = Buffer.from('{"a":1}');
    expect(verifyJiraSignature(body, sign('{"a":1}'), SECRET)).toBe(true);
    expect(verifyJiraSignature(body, sign('{"a":1}').toUpperCase().replace('SHA256', 'sha256'), SECRET)).toBe(true);
    expect(verifyJiraSignature(body, 'sha256=00', SECRET)).toBe(false);
  });
});
