import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acceptanceQueueFor } from '../../src/acceptance/reminder-redraw.js';
import { ACCEPTANCE_ACTIONS } from '../../src/views/acceptance-blocks.js';
import { type AcceptanceWorld, LENA, MARCO, MONDAY, PRIYA, startAcceptanceWorld, STRANGER } from '../support/acceptance-world.js';
import { type AcceptanceTestApp, acceptButtons, startAcceptanceTestApp, textOf } from './acceptance-test-app.js';

const { accept, reject, snooze, open } = ACCEPTANCE_ACTIONS;
const REMINDER = 'accept:payments:U0PRIYA01:2026-11-23';

describe('slack: acceptance reminder buttons through signed requests to the running app', () => {
  let world: AcceptanceWorld;
  let app: AcceptanceTestApp | undefined;
  let clock = MONDAY;

  beforeAll(async () => {
    world = await startAcceptanceWorld();
  });
  afterAll(async () => {
    await app?.close();
    await world.close();
  });
  beforeEach(async () => {
    await app?.close();
    clock = MONDAY;
    // Lena is Payments' acceptance delegate: she may accept too, so two people can click at once.
    await world.reset({ teams: (teams) => teams.map((t) => (t.id === 'payments' ? { ...t, acceptance: { ...t.acceptance, delegates: [{ slack: LENA, name: 'Lena Vogel' }] } } : t)) });
    app = await startAcceptanceTestApp(world, () => clock);
    const sent = await world.remind('payments', MONDAY);
    expect(sent).toMatchObject({ sent: true, id: REMINDER, items: ['PAY-441', 'PAY-446', 'PAY-463', 'PAY-474'] });
  });

  const t = () => app as AcceptanceTestApp;

  it('Accept: runs the team’s transition with a comment once, and redraws the reminder in place without the item', async () => {
    const { status, responses } = await t().click('PAY-474', accept, PRIYA);

    expect(status).toBe(200);
    expect(world.writesTo('PAY-474', 'transitions')).toHaveLength(1);
    expect(world.status('PAY-474')).toBe('Done');
    expect(world.comments('PAY-474')).toEqual(['Accepted by Priya Nair via Slack.']);
    expect(responses).toHaveLength(1);
    const [redrawn] = responses;
    expect(redrawn?.replace_original).toBe(true);
    expect(redrawn?.text).toBe('3 finished items in Payments wait for your acceptance');
    expect(acceptButtons(redrawn)).toEqual(['PAY-441', 'PAY-446', 'PAY-463']);
    expect(textOf(redrawn)).toContain('PAY-474 — ✅ accepted by Priya Nair');
    expect(await world.store.awaitingAcceptanceKeys('payments')).not.toContain('PAY-474');
    // Edited in place: no second DM.
    expect(world.slack.callsTo('chat.postMessage')).toHaveLength(1);
    // The click already drew what the next acceptance pass would: it edits nothing.
    expect((await world.remind('payments', new Date('2026-11-23T15:00:00Z'))).edited).toBeNull();
  });

  it('a double click and two people clicking at once run the transition once and comment once', async () => {
    const clicks = await Promise.all([
      t().click('PAY-441', accept, PRIYA, { actionTs: '1795426200.000001', wait: false }),
      t().click('PAY-441', accept, PRIYA, { actionTs: '1795426200.000002', wait: false }),
      t().click('PAY-441', accept, LENA, { actionTs: '1795426200.000003', wait: false }),
    ]);
    await new Promise((r) => setTimeout(r, 300));
    const again = await t().click('PAY-441', accept, PRIYA, { actionTs: '1795426201.000001' });

    expect(clicks.map((c) => c.status)).toEqual([200, 200, 200]);
    expect(clicks.map((c) => c.later().length)).toEqual([1, 1, 1]);
    const answers = clicks.map((c) => c.later()[0] ?? {});
    // Whoever was first redraws the reminder; a click that arrived meanwhile is told so privately.
    for (const answer of answers) {
      if (answer.replace_original === true) expect(acceptButtons(answer)).not.toContain('PAY-441');
      else expect(answer).toMatchObject({ response_type: 'ephemeral', text: 'PAY-441 is already being handled.' });
    }
    expect(answers.filter((a) => a.replace_original === true).length).toBeGreaterThanOrEqual(1);
    expect(world.writesTo('PAY-441', 'transitions')).toHaveLength(1);
    expect(world.comments('PAY-441')).toHaveLength(1);
    expect(world.status('PAY-441')).toBe('Done');
    // The click that came later is told it was already handled; nothing runs in Jira again.
    expect(again.responses[0]?.replace_original).toBe(true);
    expect(acceptButtons(again.responses[0])).not.toContain('PAY-441');
  });

  it('Jira’s refusal reaches the PO privately, and the item stays listed for the next try', async () => {
    world.refuse = (call) =>
      call.method === 'POST' && call.path.endsWith('/issue/PAY-463/transitions')
        ? { status: 400, body: { errorMessages: ['A reviewer must approve the pull request before PAY-463 can be accepted.'], errors: {} } }
        : undefined;

    const { responses } = await t().click('PAY-463', accept, PRIYA);

    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(responses[0]?.text)).toContain('A reviewer must approve the pull request before PAY-463 can be accepted.');
    expect(String(responses[0]?.text)).toContain('PAY-463 stays in your list');
    expect(world.comments('PAY-463')).toEqual([]);
    expect(await world.store.awaitingAcceptanceKeys('payments')).toContain('PAY-463');
    expect(acceptButtons(world.dms()[0])).toContain('PAY-463');
    expect(world.slack.callsTo('chat.update')).toHaveLength(0);

    // Once the workflow lets it through, the same button works.
    world.refuse = undefined;
    const retry = await t().click('PAY-463', accept, PRIYA, { actionTs: '1795426300.000001' });
    expect(retry.responses[0]?.replace_original).toBe(true);
    expect(world.status('PAY-463')).toBe('Done');
  });

  it('refuses anyone but the PO and the delegates privately; Jira sees no transition or comment, no modal opens', async () => {
    const byPm = await t().click('PAY-446', accept, MARCO);
    const rejectByStranger = await t().click('PAY-446', reject, STRANGER);
    const snoozeByStranger = await t().click('PAY-446', snooze, STRANGER, { snoozeDays: 3 });

    for (const { status, responses } of [byPm, rejectByStranger, snoozeByStranger]) {
      expect(status).toBe(200);
      expect(responses).toHaveLength(1);
      expect(responses[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    }
    expect(String(byPm.responses[0]?.text)).toBe('Only the PO (Priya Nair) or an acceptance delegate of Payments may do this for PAY-446; the team file gives you no such seat. Nothing was changed.');
    expect(String(rejectByStranger.responses[0]?.text)).toContain('Nothing was changed');
    expect(world.jiraCalls.filter((c) => c.method === 'POST')).toEqual([]);
    expect(world.slack.callsTo('views.open')).toHaveLength(0);
    expect(await acceptanceQueueFor(world.reminderDeps, world.team('payments'), MONDAY).then((q) => q.map((e) => e.item.key))).toContain('PAY-446');
  });

  it('Reject: a modal asks for the reason; an empty one is a field error with no Jira call; a reason sends the item back, comments it and edits the reminder', async () => {
    const clicked = await t().click('PAY-446', reject, PRIYA, { wait: false });
    await world.waitForCalls('views.open', 1);
    const opened = world.slack.callsTo('views.open')[0]?.body as { trigger_id?: string; view?: { callback_id?: string; private_metadata?: string; blocks?: unknown[] } };

    expect(clicked.status).toBe(200);
    expect(opened.trigger_id).toMatch(/\.1\./);
    expect(opened.view?.callback_id).toBe(ACCEPTANCE_ACTIONS.rejectModal);
    expect(JSON.parse(opened.view?.private_metadata ?? '{}')).toMatchObject({ key: 'PAY-446', reminderId: REMINDER });
    expect(JSON.stringify(opened.view?.blocks)).toContain('"block_id":"reason"');

    const empty = await t().submitReject(PRIYA, '   ');
    expect(empty.status).toBe(200);
    expect(JSON.parse(empty.body)).toEqual({ response_action: 'errors', errors: { reason: 'Say what is missing, so the team knows what to do.' } });
    expect(world.jiraCalls).toEqual([]);

    const submitted = await t().submitReject(PRIYA, 'The fallback notice is missing on the payout page.');
    expect(submitted.status).toBe(200);
    expect(submitted.body).toBe('');
    expect(world.writesTo('PAY-446', 'transitions')).toHaveLength(1);
    expect(world.status('PAY-446')).toBe('In Progress');
    expect(world.comments('PAY-446')).toEqual(['Sent back by Priya Nair via Slack: The fallback notice is missing on the payout page.']);

    // The modal has no response_url: the reminder is edited through the outbox, in place.
    await world.waitForCalls('chat.update', 1);
    const [dm] = world.dms();
    expect(world.dms()).toHaveLength(1);
    expect(dm?.text).toBe('3 finished items in Payments wait for your acceptance');
    expect(acceptButtons(dm)).toEqual(['PAY-441', 'PAY-463', 'PAY-474']);
    expect(textOf(dm)).toContain('PAY-446 — ↩️ sent back by Priya Nair');
    expect(world.slack.callsTo('chat.postMessage')).toHaveLength(1);

    // The next acceptance pass sees the same picture: nothing more to edit.
    const pass = await world.remind('payments', new Date('2026-11-23T15:00:00Z'));
    expect(pass.edited).toBeNull();
    await new Promise((r) => setTimeout(r, 150));
    expect(world.slack.callsTo('chat.update')).toHaveLength(1);
  });

  it('Snooze hides the item until the date (1 or 3 working days), then it is listed again', async () => {
    const oneDay = await t().click('PAY-441', snooze, PRIYA, { snoozeDays: 1 });
    const threeDays = await t().click('PAY-446', snooze, PRIYA, { snoozeDays: 3, actionTs: '1795426200.000009' });

    expect(oneDay.responses[0]?.replace_original).toBe(true);
    expect(acceptButtons(oneDay.responses[0])).toEqual(['PAY-446', 'PAY-463', 'PAY-474']);
    expect(textOf(oneDay.responses[0])).toContain('💤 PAY-441 snoozed until 2026-11-24');
    expect(acceptButtons(threeDays.responses[0])).toEqual(['PAY-463', 'PAY-474']);
    expect(textOf(threeDays.responses[0])).toContain('💤 PAY-446 snoozed until 2026-11-26');
    expect(world.jiraCalls.filter((c) => c.method === 'POST')).toEqual([]);

    const queueAt = async (iso: string) => (await acceptanceQueueFor(world.reminderDeps, world.team('payments'), new Date(iso))).map((e) => e.item.key);
    // Tuesday 10:15 in Berlin: both still snoozed (PAY-441 until 10:30), so Tuesday's reminder leaves them out.
    const tuesday = await world.remind('payments', new Date('2026-11-24T09:15:00Z'));
    expect(tuesday.sent && tuesday.items).toEqual(['PAY-463', 'PAY-474']);
    expect(await queueAt('2026-11-24T09:31:00Z')).toEqual(['PAY-441', 'PAY-463', 'PAY-474']);
    expect(await queueAt('2026-11-26T09:31:00Z')).toEqual(['PAY-441', 'PAY-446', 'PAY-463', 'PAY-474']);
  });

  it('Open in Jira is a link button: the click is acknowledged and changes nothing', async () => {
    const [dm] = world.dms();
    expect(JSON.stringify(dm?.blocks)).toContain(`"url":"${world.jira.url}/browse/PAY-441","action_id":"who_owns_accept_open"`);

    const before = world.slack.calls.length;
    const { status } = await t().click('PAY-441', open, PRIYA, { wait: false });
    await new Promise((r) => setTimeout(r, 150));

    expect(status).toBe(200);
    expect(world.jiraCalls).toEqual([]);
    expect(world.slack.calls.slice(before).filter((c) => c.method !== 'chat.postMessage' && c.method !== 'conversations.open' && c.method !== 'users.info' && c.method !== 'dnd.info')).toEqual([]);
  });
});
