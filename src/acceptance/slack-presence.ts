import type { webApi } from '@slack/bolt';
import type { SlackPresence } from './reminder-service.js';

/** A PO's time zone (users.info) and Do Not Disturb state (dnd.info) from Slack. */
export function slackPresence(client: webApi.WebClient): SlackPresence {
  return {
    async timeZone(userId) {
      const answer = await client.users.info({ user: userId });
      return answer.user?.tz ?? undefined;
    },
    async doNotDisturb(userId) {
      // dnd.info also reports a user's snooze (snooze_enabled / snooze_endtime) for themselves.
      const answer = (await client.dnd.info({ user: userId })) as { dnd_enabled?: boolean; next_dnd_start_ts?: number; next_dnd_end_ts?: number; snooze_enabled?: boolean; snooze_endtime?: number };
      const inScheduledDnd = Boolean(answer.dnd_enabled) && (answer.next_dnd_start_ts ?? Number.POSITIVE_INFINITY) * 1000 <= Date.now();
      const endsAt = answer.snooze_enabled ? answer.snooze_endtime : answer.next_dnd_end_ts;
      return { enabled: Boolean(answer.snooze_enabled) || inScheduledDnd, ...(endsAt ? { endsAt } : {}) };
    },
  };
}
