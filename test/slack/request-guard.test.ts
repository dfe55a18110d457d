import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import vector from '../fixtures/slack/slack_signature_test_vector.json' with { type: 'json' };
import { guardSlackRequests } from '../../src/slack/request-guard.js';
import { signedHeaders, slackSignature, slashCommandBody } from '../support/slack-signing.js';
import { SECRET, type SlackTestApp, startSlackTestApp } from './slack-test-app.js';

describe('slack signing helper', () => {
  it('reproduces Slack’s documented signature and differs for any changed input', () => {
    const ts = Number(vector.headers['X-Slack-Request-Timestamp']);
    expect(slackSignature(vector.signing_secret, ts, vector.raw_body)).toBe(vector.expected_signature);
    expect(slackSignature(`${vector.signing_secret}x`, ts, vector.raw_body)).not.toBe(vector.expected_signature);
    expect(slackSignature(vector.signing_secret, ts + 1, vector.raw_body)).not.toBe(vector.expected_signature);
    expect(slackSignature(vector.signing_secret, ts, vector.raw_body.replace('text=', 'text=a'))).not.toBe(vector.expected_signature);
  });
});

describe('slack/request-guard with Slack’s documented vector and a fixed clock', () => {
  async function run(headers: Record<string, string>, body: string, nowSeconds: number) {
    const { createServer } = await import('node:http');
    let reached = false;
    const guard = guardSlackRequests({ signingSecret: vector.signing_secret, seen: async () => true, now: () => nowSeconds * 1000, next: (_req, res) => { reached = true; res.end('ok'); } });
    const server = createServer((req, res) => void guard(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: { 'content-type': vector.content_type, ...headers }, body });
    server.close();
    return { status: res.status, reached };
  }
  const ts = Number(vector.headers['X-Slack-Request-Timestamp']);
  const good = { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': vector.expected_signature };

  it('accepts the documented request within 5 minutes of its timestamp', async () => {
    expect(await run(good, vector.raw_body, ts + 120)).toEqual({ status: 200, reached: true });
  });

  it('refuses it with 401 when older than 5 minutes, with a changed byte, or a bogus signature', async () => {
    expect(await run(good, vector.raw_body, ts + 301)).toEqual({ status: 401, reached: false });
    expect(await run(good, vector.raw_body.replace('foobar', 'foobaz'), ts)).toEqual({ status: 401, reached: false });
    expect(await run({ ...good, 'x-slack-signature': 'v0=lolno' }, vector.raw_body, ts)).toEqual({ status: 401, reached: false });
    expect(await run({ 'x-slack-request-timestamp': String(ts) }, vector.raw_body, ts)).toEqual({ status: 401, reached: false });
  });
});

describe('slack: forged, stale, replayed and retried requests against the real app', () => {
  let t: SlackTestApp;
  beforeAll(async () => {
    t = await startSlackTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  function body(id: string) {
    return slashCommandBody({ text: 'PAY-231', user_id: 'U0PRIYA01', channel_id: 'C0PAYMENTS', response_url: `${t.fake.origin}/response/${id}` });
  }

  it('rejects a wrong secret, a changed byte and a stale timestamp with 401 and answers nothing', async () => {
    const b = body('forged');
    const wrong = await t.post(b, signedHeaders('not-the-secret', b));
    const changed = await t.post(b.replace('PAY-231', 'PAY-232'), signedHeaders(SECRET, b));
    const stale = await t.post(b, signedHeaders(SECRET, b, Math.floor(Date.now() / 1000) - 6 * 60));
    await new Promise((r) => setTimeout(r, 100));

    expect([wrong.status, changed.status, stale.status]).toEqual([401, 401, 401]);
    expect(t.fake.responses('forged')).toEqual([]);
  });

  it('refuses a replay of an accepted request (same signature and timestamp) with 401', async () => {
    const b = body('replayed');
    const headers = signedHeaders(SECRET, b);
    const first = await t.post(b, headers);
    await t.waitForResponse('replayed');
    const again = await t.post(b, headers);
    await new Promise((r) => setTimeout(r, 100));

    expect(first.status).toBe(200);
    expect(again.status).toBe(401);
    expect(t.fake.responses('replayed')).toHaveLength(1);
  });

  it('answers Slack’s retries with 200 without acting a second time', async () => {
    const b = body('retried');
    await t.post(b, signedHeaders(SECRET, b));
    await t.waitForResponse('retried');
    const retry = await t.post(b, { ...signedHeaders(SECRET, b, Math.floor(Date.now() / 1000) + 1), 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    await new Promise((r) => setTimeout(r, 100));

    expect(retry.status).toBe(200);
    expect(t.fake.responses('retried')).toHaveLength(1);
  });
});
