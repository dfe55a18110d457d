import { createHmac } from 'node:crypto';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { boltRequestHandler } from '../../src/runtime/bolt-adapter.js';
import { createHttpServer, type HttpServer } from '../../src/runtime/http-server.js';

const signingSecret = 'test-signing-secret-8f3a';
let server: HttpServer;
let base: string;
const commands: string[] = [];

beforeAll(async () => {
  const receiver = new HTTPReceiver({ signingSecret, logLevel: LogLevel.ERROR });
  const app = new App({ token: 'xoxb-test', botId: 'B0TEST', botUserId: 'U0TEST', receiver, logLevel: LogLevel.ERROR });
  app.command('/who-owns', async ({ ack, command }) => {
    commands.push(command.text);
    await ack({ response_type: 'ephemeral', text: `looking up ${command.text}` });
  });
  server = createHttpServer({ logger: createLogger({ level: 'silent' }), readiness: async () => ({ ready: true, checks: [] }), slack: boltRequestHandler(receiver) });
  base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await server.close();
});

function signed(body: string, secret = signingSecret, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

const body = new URLSearchParams({ command: '/who-owns', text: 'PAY-12', user_id: 'U0PRIYA01', channel_id: 'C0PAYMENTS', team_id: 'T0ACME', response_url: 'http://127.0.0.1:1/r', trigger_id: 't' }).toString();

describe('runtime/bolt-adapter', () => {
  it('routes a correctly signed slash command on /slack/events to the Bolt app on the shared port', async () => {
    const res = await fetch(`${base}/slack/events`, { method: 'POST', headers: signed(body), body });

    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ text: 'looking up PAY-12' });
    expect(commands).toContain('PAY-12');
  });

  it('rejects forged and stale requests with 401 and never runs the handler', async () => {
    const before = commands.length;
    const forged = await fetch(`${base}/slack/events`, { method: 'POST', headers: signed(body, 'wrong-secret'), body });
    const stale = await fetch(`${base}/slack/events`, { method: 'POST', headers: signed(body, signingSecret, Math.floor(Date.now() / 1000) - 600), body });

    expect(forged.status).toBe(401);
    expect(stale.status).toBe(401);
    expect(commands.length).toBe(before);
  });

  it('answers 404 for Slack paths Bolt does not serve, instead of failing the request', async () => {
    const res = await fetch(`${base}/slack/events`);

    expect(res.status).toBe(404);
  });
});
