import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runAcceptanceAction } from '../../src/acceptance/run-acceptance-action.js';
import { mirrorReminder } from '../../src/acceptance/reminder-redraw.js';
import { refreshItems } from '../../src/sync/sync-team.js';
import { acceptButtons, textOf } from '../slack/acceptance-test-app.js';
import { type AcceptanceWorld, MONDAY, PRIYA, startAcceptanceWorld } from '../support/acceptance-world.js';

const REMINDER = 'accept:payments:U0PRIYA01:2026-11-23';
const LATER = new Date('2026-11-23T14:00:00Z');

describe('acceptance reminders mirror Jira: real Redis, the sample Jira, the outbox and a fake Slack', () => {
  let world: AcceptanceWorld;

  beforeAll(async () => {
    world = await startAcceptanceWorld();
  });
  afterAll(async () => {
    await world.close();
  });
  beforeEach(async () => {
    await world.reset();
    const sent = await world.remind('payments', MONDAY);
    expect(sent).toMatchObject({ sent: true, id: REMINDER, items: ['PAY-441', 'PAY-446', 'PAY-463', 'PAY-474'] });
  });

  const deps = () => ({ ...world.reminderDeps });

  it('items accepted or moved in Jira directly leave at the next sync, and the PO’s DM is edited in place, once', async () => {
    const [posted] = world.dms();
    world.moveInJira('PAY-441', 'Done');
    world.moveInJira('PAY-446', 'In Progress');

    await world.sync();
    const pass = await world.remind('payments', LATER);
    await world.waitForCalls('chat.update', 1);

    expect(await world.store.awaitingAcceptanceKeys('payments')).not.toContain('PAY-441');
    expect(pass).toMatchObject({ sent: false, reason: 'already reminded today', edited: `${REMINDER}:edit:1` });
    const update = world.slack.callsTo('chat.update')[0]?.body;
    expect(update).toMatchObject({ channel: 'D0PRIYA01', ts: posted?.ts });
    const [dm] = world.dms();
    expect(world.dms()).toHaveLength(1);
    expect(dm?.text).toBe('2 finished items in Payments wait for your acceptance');
    expect(acceptButtons(dm)).toEqual(['PAY-463', 'PAY-474']);
    expect(textOf(dm)).toContain('PAY-441 — accepted in Jira (now Done)');
    expect(textOf(dm)).toContain('PAY-446 — moved in Jira (now In Progress)');
    expect(world.slack.callsTo('chat.postMessage')).toHaveLength(1);

    // Repeats (the next passes, a sync with nothing new) edit nothing more.
    await world.sync();
    expect((await world.remind('payments', new Date('2026-11-23T14:15:00Z'))).edited).toBeNull();
    expect(await mirrorReminder(deps(), world.team('payments'), new Date('2026-11-23T14:20:00Z'))).toBeNull();
    await new Promise((r) => setTimeout(r, 150));
    expect(world.slack.callsTo('chat.update')).toHaveLength(1);
  });

  it('after a webhook refresh: a Slack outcome reads as such, and an item sent back to acceptance gets its buttons back', async () => {
    const team = world.team('payments');
    const accepted = await runAcceptanceAction({ items: world.store, state: world.state, jira: world.writer, teams: world.teams }, { key: 'PAY-474', actor: { slackId: PRIYA, isBot: false }, action: 'accept' });
    world.moveInJira('PAY-463', 'In Progress');
    await refreshItems(world.syncDeps(), ['PAY-463', 'PAY-474']);

    const first = await mirrorReminder(deps(), team, LATER);
    await world.waitForCalls('chat.update', 1);

    expect(accepted.ok).toBe(true);
    expect(first).toBe(`${REMINDER}:edit:1`);
    expect(acceptButtons(world.dms()[0])).toEqual(['PAY-441', 'PAY-446']);
    expect(textOf(world.dms()[0])).toContain('PAY-474 — ✅ accepted by Priya Nair');
    expect(textOf(world.dms()[0])).toContain('PAY-463 — moved in Jira (now In Progress)');

    // The team finishes PAY-463 again: it is back in the reminder, with its buttons.
    world.moveInJira('PAY-463', 'Ready for acceptance');
    await refreshItems(world.syncDeps(), ['PAY-463']);
    const second = await mirrorReminder(deps(), team, new Date('2026-11-23T14:30:00Z'));
    await world.waitForCalls('chat.update', 2);

    expect(second).toBe(`${REMINDER}:edit:2`);
    const [dm] = world.dms();
    expect(acceptButtons(dm)).toEqual(['PAY-441', 'PAY-446', 'PAY-463']);
    expect(textOf(dm)).not.toContain('PAY-463 — moved');
    expect(textOf(dm)).toContain('PAY-474 — ✅ accepted by Priya Nair');
    expect(world.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('edits only the reminder it knows: nothing is enqueued before any reminder, or when nothing changed', async () => {
    await world.reset();
    expect(await mirrorReminder(deps(), world.team('payments'), LATER)).toBeNull();
    await world.remind('payments', MONDAY);
    expect(await mirrorReminder(deps(), world.team('payments'), LATER)).toBeNull();
    await new Promise((r) => setTimeout(r, 100));
    expect(world.slack.callsTo('chat.update')).toHaveLength(0);
  });
});
