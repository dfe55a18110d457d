import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../config/schema.js';
import { runDoctor } from '../../src/doctor/run-doctor.js';
import { slackClientsFromEnv } from '../../src/runtime/adapters.js';
import { manifestBotScopes } from '../../src/slack/manifest-scopes.js';
import { startFakeSlackApi } from '../support/fake-slack-api.js';
import { signedHeaders } from '../support/slack-signing.js';
import { MARCO, PRIYA, SECRET, type SlackTestApp, startSlackTestApp, STRANGER } from './slack-test-app.js';

describe('slack: App Home "My ownership"', () => {
  let t: SlackTestApp;
  beforeAll(async () => {
    t = await startSlackTestApp({ now: () => new Date('2026-11-23T09:00:00Z') });
  });
  afterAll(async () => {
    await t.close();
  });

  let opened = 0;
  async function open(user: string): Promise<string> {
    const before = t.fake.callsTo('views.publish').length;
    const body = JSON.stringify({ token: 'x', team_id: 'T0ACME', api_app_id: 'A0WHOOWNS', type: 'event_callback', event_id: `Ev${user}${++opened}`, event_time: 1, event: { type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home', event_ts: '1.2' } });
    const res = await t.post(body, signedHeaders(SECRET, body, undefined, 'application/json'));
    expect(res.status).toBe(200);
    const deadline = Date.now() + 5000;
    while (t.fake.callsTo('views.publish').length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    const call = t.fake.callsTo('views.publish').at(-1);
    expect(call?.body.user_id).toBe(user);
    return JSON.stringify(call?.body.view);
  }

  it('shows a PO what is unclear in their team, never restricted items', async () => {
    const view = await open(PRIYA);
    expect(view).toContain('Product Owner');
    expect(view).toContain('Ownership unclear');
    expect(view).toContain('PAY-234');
    expect(view).not.toContain('PAY-233');
  });

  it('shows a PM roadmap items slipping their target date', async () => {
    const view = await open(MARCO);
    expect(view).toContain('Slipping their target date* (1)');
    expect(view).toContain('PAY-232');
  });

  it('shows the people of the team file the latest set-up checks with the fixes doctor prints; nobody else', async () => {
    // A workspace whose token lacks a history scope, checked by the real doctor.
    const workspace = await startFakeSlackApi({ scopes: manifestBotScopes().filter((s) => s !== 'groups:history') });
    const config = { ...t.runtime.config, env: { ...t.runtime.config.env, JIRA_WEBHOOK_SECRET: undefined, SLACK_API_URL: workspace.apiUrl } } as Config;
    const slack = slackClientsFromEnv(config.env, { slackRetries: 0 })?.web;
    if (!slack) throw new Error('the test process has a Slack token');
    const checks = await runDoctor(config, { redis: t.redis.client(), registeredWebhook: t.runtime.adapters.registeredWebhook, slack, manifestScopes: manifestBotScopes(), now: new Date() });
    await workspace.close();
    await t.runtime.adapters.doctorResults.save(checks, new Date('2026-11-23T08:00:00Z'));
    const scope = checks.find((c) => c.name === 'Slack token scopes');
    expect(scope).toMatchObject({ status: 'fail', detail: 'the token lacks groups:history' });

    const priya = await open(PRIYA);
    expect(priya).toContain('Set-up checks');
    expect(priya).toContain('From `who-owns doctor` at 2026-11-23T08:00:00.000Z');
    // The same fix text as the CLI's, as mrkdwn (& escaped) inside the view's JSON.
    const fix = String(scope?.fix).replace(/&/g, '&amp;');
    expect(priya).toContain(JSON.stringify(`:x: *Slack token scopes*: the token lacks groups:history\n*Fix:* ${fix}`).slice(1, -1));
    expect(await open(STRANGER)).not.toContain('Set-up checks');
  });

  it('tells someone without a seat how to use the bot', async () => {
    expect(await open(STRANGER)).toContain('does not name you');
  });
});
