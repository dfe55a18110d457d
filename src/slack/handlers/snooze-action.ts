import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { attentionSignature } from '../../domain/nudges/select-nudges.js';
import type { TeamProfile } from '../../domain/team.js';
import type { ItemStore } from '../../ports.js';
import type { RedisNudgeLedger } from '../../store/redis-nudge-ledger.js';
import { ACTIONS } from '../action-ids.js';

export interface SnoozeDeps {
  store: ItemStore;
  ledger: RedisNudgeLedger;
  teams: readonly TeamProfile[];
  now?: () => Date;
}

const WEEK_MS = 7 * 86_400_000;

/**
 * "Snooze 1 week" on a nudge: the item is not nudged again for seven days (unless its
 * situation changes). Register with `features: [snoozeFeature(deps)]` in the Slack app deps.
 */
export function snoozeFeature(deps: SnoozeDeps) {
  return (app: App): void => {
    app.action<BlockAction<ButtonAction>>(ACTIONS.snooze, async ({ ack, action, respond }) => {
      await ack();
      const key = action.value ?? '';
      const verdict = key ? await deps.store.getVerdict(key) : null;
      const team = deps.teams.find((t) => t.id === verdict?.teamId);
      if (!verdict || !team) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: `who-owns no longer knows ${key || 'this item'}; nothing was snoozed.` });
        return;
      }
      const now = (deps.now ?? (() => new Date()))();
      // The policy's cool-down counts from lastNudgedAt; shift it so the item comes back in exactly a week.
      const until = new Date(now.getTime() + WEEK_MS - team.nudges.cooldownDays * 86_400_000);
      await deps.ledger.snooze(team.id, key, until, attentionSignature(verdict));
      const back = new Date(now.getTime() + WEEK_MS).toISOString().slice(0, 10);
      await respond({ response_type: 'ephemeral', replace_original: false, text: `:zzz: ${key} snoozed: no nudge about it before ${back}, unless its ownership situation changes.` });
    });
  };
}
