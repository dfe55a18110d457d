import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTOR_ROLES, type ActorRole, PERMISSION_ACTIONS, type PermissionAction, tableAllows } from '../../src/domain/permissions/permission-table.js';
import type { TeamProfile } from '../../src/domain/team.js';
import { metrics } from '../../src/metrics.js';
import type { DecisionStore, NudgeLedger } from '../../src/ports.js';
import { ACTIONS } from '../../src/views/action-ids.js';
import { ACCEPTANCE_ACTIONS } from '../../src/views/acceptance-blocks.js';
import { type AcceptanceWorld, LENA, MARCO, MONDAY, PRIYA, startAcceptanceWorld, STRANGER } from '../support/acceptance-world.js';
import { type AcceptanceTestApp, startAcceptanceTestApp, textOf } from './acceptance-test-app.js';

/**
 * Every action × every role, through signed requests to the running Bolt app over real Redis
 * and the loopback Jira. Expectations come from the permission table itself; each action has
 * a driver below (the Record type makes a new action without one a type error), and every
 * action id the app's messages carry must name its action.
 */

const HOME = 'T0ACME';
const BOT = 'U0WHOOWNS';
const FOREIGN = 'U0FOREIGN';
const DELEGATE = 'U0DELEG06';
const GROWTH_PM = 'U0GROPM08';
const GROWTH_MEMBER = 'U0GROMB07';
/** Unclear, unrestricted, Payments only: decisions, nudge snooze and share act on it. */
const ITEM = 'PAY-445';

const SLACK_IDS: Record<string, { slack: string; workspace?: string }> = {
  po: { slack: PRIYA },
  pm: { slack: MARCO },
  member: { slack: LENA },
  delegate: { slack: DELEGATE },
  'other-po': { slack: 'U0DANA004' },
  'other-pm': { slack: GROWTH_PM },
  'other-member': { slack: GROWTH_MEMBER },
  'no-team': { slack: STRANGER },
  // Listed in the Payments team file, yet from another workspace (a Slack Connect guest).
  'other-workspace': { slack: FOREIGN, workspace: 'T0OTHER' },
  // The app's own bot user, listed in the team file by mistake.
  bot: { slack: BOT },
};

/** Which permission action each interactive id of the app's messages takes; `none` for link buttons. */
const ACTION_ID_PERMISSIONS: Record<string, PermissionAction | 'none'> = {
  [ACTIONS.claim]: 'decide-claim',
  [ACTIONS.markPo]: 'decide-po',
  [ACTIONS.markPm]: 'decide-pm',
  [ACTIONS.notApplicable]: 'decide-not-applicable',
  [ACTIONS.assign]: 'decide-assign',
  [ACTIONS.snooze]: 'snooze-nudge',
  [ACTIONS.share]: 'share-in-channel',
  [ACCEPTANCE_ACTIONS.accept]: 'accept',
  [ACCEPTANCE_ACTIONS.reject]: 'reject',
  [ACCEPTANCE_ACTIONS.rejectModal]: 'reject',
  [ACCEPTANCE_ACTIONS.snooze]: 'snooze-reminder',
  [ACCEPTANCE_ACTIONS.open]: 'none',
  [ACTIONS.adoptRule]: 'adopt-rule',
  [ACTIONS.declineRule]: 'adopt-rule',
};

function matrixTeams(teams: TeamProfile[]): TeamProfile[] {
  const person = (slack: string, name: string) => ({ slack, name });
  return teams.map((t) => {
    if (t.id === 'payments') {
      return {
        ...t,
        members: [...t.members, person(FOREIGN, 'Guest from another workspace'), person(BOT, 'who-owns')],
        acceptance: { ...t.acceptance, delegates: [person(DELEGATE, 'Dora Delegate'), person(FOREIGN, 'Guest'), person(BOT, 'who-owns')] },
      };
    }
    if (t.id === 'growth') return { ...t, pm: person(GROWTH_PM, 'Gus Ortiz'), members: [...t.members, person(GROWTH_MEMBER, 'Gail Member')] };
    return t;
  });
}

interface Observation {
  /** What the click answered (the ephemeral response, or the modal's field error). */
  answer: string;
  ephemeral: boolean;
  /** The action's own effect: a decision recorded, a snooze set, a card posted, an item transitioned. */
  effect: boolean;
}

interface Driver {
  /** Item the action is tried on by this role (acceptance needs one per allowed role: an item is accepted once). */
  key(role: ActorRole): string;
  writesJira: boolean;
  run(app: AcceptanceTestApp, key: string, actor: { slack: string; workspace?: string }): Promise<Observation>;
}

let world: AcceptanceWorld;
let decisions: DecisionStore;
let ledger: NudgeLedger;

const acceptanceKey = (role: ActorRole) => (role.id === 'po' ? 'PAY-474' : role.id === 'delegate' ? 'PAY-446' : 'PAY-441');
const answerOf = (responses: Record<string, unknown>[]) => ({ answer: textOf(responses[0]), ephemeral: responses[0]?.replace_original === false && responses[0]?.response_type === 'ephemeral' });

function decisionDriver(action: Record<string, unknown>): Driver {
  return {
    key: () => ITEM,
    writesJira: true,
    async run(app, key, actor) {
      const before = (await decisions.history(key)).length;
      const { responses } = await app.press({ block_id: `verdict:${key}`, ...action, ...(action.type === 'button' ? { value: key } : {}) }, actor.slack, { channel: 'C0PAYMENTS', ...(actor.workspace ? { workspace: actor.workspace } : {}) });
      const recorded = (await decisions.history(key)).length > before;
      // A decision replaces the card it was clicked on; a refusal is a private note beside it.
      return { answer: textOf(responses[0]), ephemeral: responses[0]?.replace_original === false, effect: recorded && responses[0]?.replace_original === true };
    },
  };
}

function acceptanceStatusChanged(key: string): boolean {
  return world.status(key) !== 'Ready for acceptance';
}

const DRIVERS: Record<PermissionAction, Driver> = {
  'decide-claim': decisionDriver({ type: 'button', action_id: ACTIONS.claim }),
  'decide-po': decisionDriver({ type: 'button', action_id: ACTIONS.markPo }),
  'decide-pm': decisionDriver({ type: 'button', action_id: ACTIONS.markPm }),
  'decide-not-applicable': decisionDriver({ type: 'button', action_id: ACTIONS.notApplicable }),
  'decide-assign': decisionDriver({ type: 'users_select', action_id: ACTIONS.assign, selected_user: LENA }),
  'snooze-nudge': {
    key: () => ITEM,
    writesJira: false,
    async run(app, key, actor) {
      await world.client.del('acc:nudges:ledger:payments');
      const { responses } = await app.press({ type: 'button', action_id: ACTIONS.snooze, value: key }, actor.slack, { channel: 'C0PAYMENTS', ...(actor.workspace ? { workspace: actor.workspace } : {}) });
      return { ...answerOf(responses), effect: (await ledger.load('payments')).has(key) };
    },
  },
  'share-in-channel': {
    key: () => ITEM,
    writesJira: false,
    async run(app, key, actor) {
      const before = world.slack.channelMessages('C0PAYMENTS').length;
      const { responses } = await app.press({ type: 'button', action_id: ACTIONS.share, value: key }, actor.slack, { channel: 'C0PAYMENTS', ...(actor.workspace ? { workspace: actor.workspace } : {}) });
      return { ...answerOf(responses), effect: world.slack.channelMessages('C0PAYMENTS').length > before };
    },
  },
  accept: {
    key: acceptanceKey,
    writesJira: true,
    async run(app, key, actor) {
      const { responses } = await app.click(key, ACCEPTANCE_ACTIONS.accept, actor.slack, actor.workspace ? { workspace: actor.workspace } : {});
      return { answer: textOf(responses[0]), ephemeral: responses[0]?.replace_original === false, effect: acceptanceStatusChanged(key) && responses[0]?.replace_original === true };
    },
  },
  reject: {
    key: acceptanceKey,
    writesJira: true,
    async run(app, key, actor) {
      const opened = world.slack.callsTo('views.open').length;
      const updates = world.slack.callsTo('chat.update').length;
      const workspace = actor.workspace ? { workspace: actor.workspace } : {};
      const click = await app.click(key, ACCEPTANCE_ACTIONS.reject, actor.slack, { ...workspace, wait: false });
      // Allowed: the reason form opens (no answer); refused: a private answer and no form.
      await waitFor(() => world.slack.callsTo('views.open').length > opened || click.later().length > 0);
      const modalOpened = world.slack.callsTo('views.open').length > opened;
      // A refused person may still forge the form's submission: it is refused the same way.
      const modal = modalOpened ? undefined : { callback_id: ACCEPTANCE_ACTIONS.rejectModal, private_metadata: JSON.stringify({ key }) };
      const submitted = await app.submitReject(actor.slack, 'The payout notice is missing.', { ...workspace, ...(modal ? { modal } : {}) });
      if (modalOpened) {
        await waitFor(() => world.slack.callsTo('chat.update').length > updates);
        return { answer: submitted.body, ephemeral: false, effect: acceptanceStatusChanged(key) };
      }
      const formRefused = submitted.status === 200 && JSON.parse(submitted.body || '{}').response_action === 'errors';
      return { ...answerOf(click.later()), ephemeral: answerOf(click.later()).ephemeral && formRefused, effect: acceptanceStatusChanged(key) };
    },
  },
  'adopt-rule': {
    // A suggestion per role, offered in the digest: adopting it is the effect.
    key: (role) => `payments:label:matrix-${role.id}`,
    writesJira: false,
    async run(app, key, actor) {
      // The process's own learned state: it is kept per Slack workspace, and the process knows its own.
      const learned = app.process.runtime.adapters.learned;
      await learned.saveSuggestions([{ id: key, teamId: 'payments', kind: 'label', value: key.split(':')[2] as string, role: 'PM', decisions: 5 }]);
      await learned.markOffered([key]);
      const { responses } = await app.press({ type: 'button', action_id: ACTIONS.adoptRule, value: key }, actor.slack, { channel: 'C0PAYMENTS', ...(actor.workspace ? { workspace: actor.workspace } : {}) });
      return { ...answerOf(responses), effect: (await learned.adopted()).some((r) => r.id === key) };
    },
  },
  'snooze-reminder': {
    key: acceptanceKey,
    writesJira: false,
    async run(app, key, actor) {
      const { responses } = await app.click(key, ACCEPTANCE_ACTIONS.snooze, actor.slack, { snoozeDays: 1, ...(actor.workspace ? { workspace: actor.workspace } : {}) });
      const snoozed = (await world.state.snoozed([key], MONDAY)).has(key);
      return { answer: textOf(responses[0]), ephemeral: responses[0]?.replace_original === false, effect: snoozed && responses[0]?.replace_original === true };
    },
  },
};

async function waitFor(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function refusals(action: PermissionAction): Promise<number> {
  return (await metrics.permissionRefusals.get()).values.filter((v) => v.labels.action === action).reduce((sum, v) => sum + v.value, 0);
}

function jiraWrites(): number {
  return world.jiraCalls.filter((c) => c.method !== 'GET').length;
}

function slackChanges(): number {
  return ['chat.postMessage', 'chat.update', 'views.open', 'views.update'].reduce((sum, m) => sum + world.slack.callsTo(m).length, 0);
}

describe('authorisation matrix: every action × every role through the running app', () => {
  beforeAll(async () => {
    world = await startAcceptanceWorld();
  });
  afterAll(async () => {
    await world.close();
  });

  it('has a driver for every action of the table and a table action for every interactive id the app sends', () => {
    expect(Object.keys(DRIVERS).sort()).toEqual([...PERMISSION_ACTIONS].sort());
    const ids = [...Object.values(ACTIONS), ...Object.values(ACCEPTANCE_ACTIONS)];
    expect(ids.filter((id) => !(id in ACTION_ID_PERMISSIONS))).toEqual([]);
    expect(new Set(Object.values(ACTION_ID_PERMISSIONS).filter((a) => a !== 'none'))).toEqual(new Set(PERMISSION_ACTIONS));
  });

  for (const action of PERMISSION_ACTIONS) {
    it(`${action}: allowed exactly for the seats the table lists; every refusal private, counted and without effect`, async () => {
      await world.reset({ teams: matrixTeams });
      decisions = world.adapters.decisions;
      ledger = world.adapters.nudgeLedger;
      // The process learns its home workspace (HOME) from the start-up auth.test.
      const app = await startAcceptanceTestApp(world, () => MONDAY);
      expect(app.process.runtime.identity.workspaceId).toBe(HOME);
      try {
        await world.remind('payments', MONDAY);
        const driver = DRIVERS[action];
        const rows: string[] = [];
        for (const role of ACTOR_ROLES) {
          const allowed = tableAllows(action, role);
          const [writes, changes, refused] = [jiraWrites(), slackChanges(), await refusals(action)];
          const seen = await driver.run(app, driver.key(role), SLACK_IDS[role.id] as { slack: string; workspace?: string });
          const outcome = {
            effect: seen.effect,
            jiraWritten: jiraWrites() > writes,
            slackChanged: slackChanges() > changes || seen.effect,
            refusalCounted: (await refusals(action)) > refused,
            refusedPrivately: seen.ephemeral && seen.answer.includes('Nothing was changed'),
          };
          const expected = allowed
            ? { effect: true, jiraWritten: driver.writesJira, slackChanged: true, refusalCounted: false, refusedPrivately: false }
            : { effect: false, jiraWritten: false, slackChanged: false, refusalCounted: true, refusedPrivately: true };
          if (JSON.stringify(outcome) !== JSON.stringify(expected)) rows.push(`${role.label}: expected ${JSON.stringify(expected)}, saw ${JSON.stringify(outcome)} — ${seen.answer.slice(0, 200)}`);
        }
        expect(rows).toEqual([]);
      } finally {
        await app.close();
      }
    });
  }
});
