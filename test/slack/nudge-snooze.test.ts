import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runNudgeSweep } from '../../src/nudges/nudge-sweep.js';
import { ACTIONS } from '../../src/views/action-ids.js';
import type { NudgeLedger } from '../../src/ports.js';
import { type AcceptanceWorld, MONDAY, PRIYA, startAcceptanceWorld, STRANGER } from '../support/acceptance-world.js';
import { type AcceptanceTestApp, startAcceptanceTestApp, textOf } from './acceptance-test-app.js';

/** Wednesday, same hour: the team's one-day cool-down is over, a week's snooze is not. */
const WEDNESDAY = new Date(MONDAY.getTime() + 2 * 86_400_000);

describe('slack: Snooze 1 week on a nudge', () => {
  let world: AcceptanceWorld;
  let app: AcceptanceTestApp | undefined;
  let ledger: NudgeLedger;

  beforeAll(async () => {
    world = await startAcceptanceWorld();
  });
  afterAll(async () => {
    await app?.close();
    await world.close();
  });
  beforeEach(async () => {
    await app?.close();
    await world.reset({ teams: (teams) => teams.map((t) => ({ ...t, nudges: { ...t.nudges, cooldownDays: 1 } })) });
    ledger = world.adapters.nudgeLedger;
    app = await startAcceptanceTestApp(world, () => MONDAY);
  });

  const sweep = (at: Date) => runNudgeSweep({ items: world.store, ledger, outbox: world.outbox.outbox }, world.team('payments'), at);
  const snooze = (key: string, user: string) => (app as AcceptanceTestApp).press({ type: 'button', action_id: ACTIONS.snooze, value: key }, user, { channel: 'C0PAYMENTS' });

  it('is refused for someone in no team, and the item is nudged on schedule', async () => {
    const [item = ''] = (await sweep(MONDAY)).nudged;
    const { responses } = await snooze(item, STRANGER);

    expect(textOf(responses[0])).toContain(`Only the PO (Priya Nair), the PM (Marco Rossi) or a member of Payments may do this for ${item}`);
    expect(responses[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect((await sweep(WEDNESDAY)).nudged).toContain(item);
  });

  it('keeps the item out of the nudges for a week when the team’s PO snoozes it', async () => {
    const [item = ''] = (await sweep(MONDAY)).nudged;
    const { responses } = await snooze(item, PRIYA);

    expect(textOf(responses[0])).toContain(`${item} snoozed`);
    const next = (await sweep(WEDNESDAY)).nudged;
    expect(next).not.toContain(item);
    expect(next.length).toBeGreaterThan(0);
  });
});
