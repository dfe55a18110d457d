import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARCO, PRIYA, type SlackTestApp, startSlackTestApp, STRANGER, textOf } from './slack-test-app.js';

describe('slack: /who-owns over the real Bolt app, signed requests, real Redis', () => {
  let t: SlackTestApp;
  beforeAll(async () => {
    t = await startSlackTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers a key with a private verdict card: owner mention, confidence, escaped why, decision buttons', async () => {
    const answer = await t.command('PAY-231');
    const text = textOf(answer);

    expect(answer.response_type).toBe('ephemeral');
    expect(text).toContain(`<${t.siteUrl}/browse/PAY-231|PAY-231>`);
    expect(text).toContain('Product Owner');
    expect(text).toContain(`<@${PRIYA}>`);
    expect(text).toContain('&lt;payouts&gt; &amp; refunds');
    expect(text).toMatch(/\*Confidence\*\n\d+%/);
    expect(text).toContain('*Why?*');
    const actions = JSON.stringify(answer.blocks);
    for (const id of ['who_owns_claim', 'who_owns_mark_pm', 'who_owns_assign', 'who_owns_not_applicable', 'who_owns_share']) expect(actions).toContain(id);
  });

  it('answers several keys and a Jira browse link (Slack wraps links in <…>)', async () => {
    const text = textOf(await t.command('PAY-231, PAY-232'));
    expect(text).toContain('PAY-231');
    expect(text).toContain('Product Manager');
    expect(textOf(await t.command('<https://acme.atlassian.net/browse/PAY-232|PAY-232>'))).toContain(`<@${MARCO}>`);
  });

  it('withholds items with a security level or from unclaimed projects, and says so', async () => {
    const secured = textOf(await t.command('PAY-233'));
    const unclaimed = textOf(await t.command('SEC-1'));

    expect(secured).toContain('has a Jira security level');
    expect(secured).not.toContain('Fraud rules');
    expect(unclaimed).toContain('no team in the team file claims');
    expect(unclaimed).not.toContain('Internal audit');
  });

  it('names the team’s PO and PM with counts for `PAY` and `team Payments`', async () => {
    for (const text of [textOf(await t.command('PAY')), textOf(await t.command('team Payments'))]) {
      expect(text).toMatch(new RegExp(`Product Owner: <@${PRIYA}> — owns [1-9]\\d* item`));
      expect(text).toMatch(new RegExp(`Product Manager: <@${MARCO}> — owns [1-9]\\d* item`));
      expect(text).toContain('Unclear:');
    }
  });

  it('lists unclear items and what I own', async () => {
    expect(textOf(await t.command('unclear'))).toContain('PAY-234');
    const mine = textOf(await t.command('mine', PRIYA));
    expect(mine).toContain('PAY-231');
    expect(mine).not.toContain('PAY-232');
  });

  it('sends free text to Jira as one quoted `text ~` literal fenced into the teams’ projects', async () => {
    t.jira.searches.length = 0;
    await t.command('pricing page');
    expect(t.jira.searches.map((s) => s.jql)).toEqual(['text ~ "pricing page" AND project in ("PAY", "GRO")']);
  });

  it('runs allowed JQL fenced into the teams’ projects and refuses ORDER BY or unknown fields with a reason', async () => {
    t.jira.searches.length = 0;
    await t.command('jql: project = PAY AND status = "To Do"');
    expect(t.jira.searches.map((s) => s.jql)).toEqual(['(project = "PAY" AND status = "To Do") AND project in ("PAY", "GRO")']);

    const orderBy = textOf(await t.command('jql: project = PAY ORDER BY created'));
    const unknown = textOf(await t.command('jql: cf[10001] = 1'));
    expect(orderBy).toContain('ORDER BY is not supported');
    expect(unknown).toContain('that query cannot run');
    expect(t.jira.searches).toHaveLength(1);
  });

  it('answers help and nonsense with usage, never an error', async () => {
    expect(textOf(await t.command('help'))).toContain('/who-owns PAY-231');
    expect(textOf(await t.command('x'.repeat(3000)))).toContain('/who-owns PAY-231');
    expect(textOf(await t.command('team Nope', STRANGER))).toContain('no team called');
  });
});
