import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DANA, MARCO, MEMBER, PRIYA, type SlackTestApp, startSlackTestApp, STRANGER, textOf } from './slack-test-app.js';

const button = (action_id: string, key: string) => ({ type: 'button', action_id, value: key, block_id: `verdict:${key}`, text: { type: 'plain_text', text: 'x' } });

describe('slack: ownership decisions from the verdict card', () => {
  let t: SlackTestApp;
  beforeAll(async () => {
    t = await startSlackTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  function jiraDecision(key: string): { role?: string } | undefined {
    return (t.jira.site.properties[key] as Record<string, { role?: string }> | undefined)?.['who-owns.decision'];
  }

  it('records "It’s PM work" from the PO: verdict at once, audit trail, Jira property, hook', async () => {
    const { status, answer } = await t.click(button('who_owns_mark_pm', 'PAY-234'), PRIYA);

    expect(status).toBe(200);
    expect(answer.replace_original).toBe(true);
    expect(textOf(answer)).toContain('Product Manager');
    expect(textOf(answer)).toContain(`<@${MARCO}>`);
    expect((await t.store.getVerdict('PAY-234'))?.role).toBe('PM');
    const history = await t.decisions.history('PAY-234');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ role: 'PM', decidedBy: { slackId: PRIYA }, source: 'slack' });
    expect(jiraDecision('PAY-234')?.role).toBe('PM');
    expect(t.decided).toContainEqual({ key: 'PAY-234', role: 'PM' });
  });

  it('lets a team member assign an item to a person with the users_select', async () => {
    const { answer } = await t.click({ type: 'users_select', action_id: 'who_owns_assign', block_id: 'verdict:PAY-231', selected_user: MARCO }, MEMBER);

    expect(textOf(answer)).toContain(`<@${MARCO}>`);
    expect((await t.store.getVerdict('PAY-231'))?.owners.map((o) => o.slackId)).toEqual([MARCO]);
    expect((await t.decisions.latest('PAY-231'))?.decidedBy.slackId).toBe(MEMBER);
  });

  it('refuses someone outside the item’s team privately and changes nothing in Redis or Jira', async () => {
    const redis = t.redis.client();
    const before = await redis.hget('wo:verdicts', 'PAY-232');
    const jiraRequests = t.jira.requests;
    const hooks = t.decided.length;

    const { answer } = await t.click(button('who_owns_claim', 'PAY-232'), STRANGER);
    const fromOtherTeam = await t.click(button('who_owns_not_applicable', 'PAY-232'), DANA);

    expect(textOf(answer)).toContain('Only the PO (Priya Nair), the PM (Marco Rossi) or a member of Payments may do this for PAY-232');
    expect(answer.replace_original).toBe(false);
    expect(textOf(fromOtherTeam.answer)).toContain('Nothing was changed');
    expect(await redis.hget('wo:verdicts', 'PAY-232')).toBe(before);
    expect(await redis.exists('wo:decisions:PAY-232')).toBe(0);
    expect(t.jira.requests).toBe(jiraRequests);
    expect(jiraDecision('PAY-232')).toBeUndefined();
    expect(t.decided.length).toBe(hooks);
  });

  it('does not write to Jira for a team without writeBack', async () => {
    const jiraRequests = t.jira.requests;
    await t.click(button('who_owns_claim', 'GRO-7'), DANA, 'C0GROWTH');

    expect((await t.decisions.latest('GRO-7'))?.owner?.slackId).toBe(DANA);
    expect(t.jira.requests).toBe(jiraRequests);
  });

  it('keeps decisions and their verdicts across a Redis restart', async () => {
    await t.redis.restart();

    expect((await t.decisions.history('PAY-234')).map((d) => d.role)).toEqual(['PM']);
    expect(textOf(await t.command('PAY-234'))).toContain('Product Manager');
  });

  it('shares a card only into the channel its team file maps it to, never a restricted item', async () => {
    await t.click(button('who_owns_share', 'PAY-231'), PRIYA, 'C0PAYMENTS');
    const wrongChannel = await t.click(button('who_owns_share', 'PAY-231'), PRIYA, 'C0GROWTH');
    const secured = await t.click(button('who_owns_share', 'PAY-233'), PRIYA, 'C0PAYMENTS');
    // Growth's PO sharing a Payments item into Growth's own channel.
    const crossTeam = await t.click(button('who_owns_share', 'PAY-231'), DANA, 'C0GROWTH');
    await new Promise((r) => setTimeout(r, 50));

    const posts = t.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body.channel).toBe('C0PAYMENTS');
    expect(String(posts[0]?.body.text)).toContain('PAY-231');
    expect(textOf(wrongChannel.answer)).toContain('stays private');
    expect(textOf(secured.answer)).toContain('PAY-233 has a Jira security level, so it stays private');
    expect(textOf(crossTeam.answer)).toContain('Only the PO (Priya Nair), the PM (Marco Rossi) or a member of Payments may do this for PAY-231');
    expect(crossTeam.answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  });
});
