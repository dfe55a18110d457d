import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  async function open(user: string): Promise<string> {
    const before = t.fake.callsTo('views.publish').length;
    const body = JSON.stringify({ token: 'x', team_id: 'T0ACME', api_app_id: 'A0WHOOWNS', type: 'event_callback', event_id: `Ev${user}`, event_time: 1, event: { type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home', event_ts: '1.2' } });
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

  it('tells someone without a seat how to use the bot', async () => {
    expect(await open(STRANGER)).toContain('does not name you');
  });
});
