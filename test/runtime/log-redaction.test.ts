import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load-config.js';
import { runProcess } from '../../src/runtime/run-process.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';

let redis: TestRedis;
let slack: FakeSlackApi;
let jira: Server;
let jiraUrl: string;
const jiraAuthHeaders: string[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  slack = await startFakeSlackApi();
  // A Jira that rejects every credential, echoing the request back the way proxies sometimes do.
  jira = createServer((req, res) => {
    jiraAuthHeaders.push(String(req.headers.authorization));
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errorMessages: ['Client must be authenticated to access this resource.'], echoedAuthorization: req.headers.authorization }));
  });
  await new Promise<void>((r) => jira.listen(0, '127.0.0.1', () => r()));
  jiraUrl = `http://127.0.0.1:${(jira.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await redis.stop();
  await slack.close();
  await new Promise((r) => jira.close(r));
});

const secret = (prefix = '') => `${prefix}${randomBytes(18).toString('hex')}`;

describe('runtime/log-redaction', () => {
  it('never writes a token, signing secret or Authorization header to the log, even when Slack and Jira reject them', async () => {
    const env = {
      REDIS_URL: redis.url,
      REDIS_PREFIX: '{redaction}',
      WHO_OWNS_CONFIG: 'samples/who-owns.yaml',
      LOG_LEVEL: 'debug',
      SLACK_BOT_TOKEN: secret('xoxb-'),
      SLACK_SIGNING_SECRET: secret(),
      SLACK_API_URL: slack.apiUrl,
      JIRA_BASE_URL: jiraUrl,
      JIRA_EMAIL: 'bot@example.com',
      JIRA_API_TOKEN: secret('ATATT'),
      JIRA_WEBHOOK_SECRET: secret(),
    };
    slack.on('auth.test', () => ({ ok: false, error: 'invalid_auth', echoed_token: env.SLACK_BOT_TOKEN }));
    const chunks: string[] = [];
    const destination = new Writable({
      write(chunk, _enc, cb) {
        chunks.push(String(chunk));
        cb();
      },
    });

    // Slack refusing the token ends start-up with one clear line; Jira refusing is logged.
    const refused = await runProcess(loadConfig(env), { serve: true, work: true, port: 0, logDestination: destination, slackRetries: 0, handleSignals: false }).catch((error: Error) => error);
    slack.on('auth.test', () => ({ ok: true, team: 'Acme', user: 'who-owns', team_id: 'T0ACME', user_id: 'U0WHOOWNS', echoed_token: env.SLACK_BOT_TOKEN }));
    const running = await runProcess(loadConfig(env), { serve: true, work: true, port: 0, logDestination: destination, slackRetries: 0, handleSignals: false });
    await running.connectivity;
    const ready = await fetch(`http://127.0.0.1:${running.port}/readyz`);
    await running.stop();
    const log = chunks.join('');

    // The failures were reported (so the scan below looks at real error records)…
    expect(String(refused)).toBe('StartupError: Slack refused the bot token (invalid_auth): check SLACK_BOT_TOKEN');
    expect(ready.status).toBe(503);
    expect(log).toContain('Jira did not accept GET /myself (HTTP 401)');
    expect(jiraAuthHeaders.length).toBeGreaterThan(0);
    // …and no configured secret, nor the Authorization header jira.js built from them, appears.
    const basic = Buffer.from(`${env.JIRA_EMAIL}:${env.JIRA_API_TOKEN}`).toString('base64');
    for (const value of [env.SLACK_BOT_TOKEN, env.SLACK_SIGNING_SECRET, env.JIRA_API_TOKEN, env.JIRA_WEBHOOK_SECRET, basic, ...jiraAuthHeaders]) {
      expect(log).not.toContain(value);
    }
  });
});
