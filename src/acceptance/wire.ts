import { scheduleAcceptance, startAcceptanceWorker } from '../../workers/acceptance.worker.js';
import { QUEUES } from '../queue/queues.js';
import type { Runtime } from '../runtime/build-runtime.js';
import { type Feature, reactTo } from '../runtime/feature.js';
import { registerAcceptanceReminderActions } from '../slack/listeners/actions/acceptance-reminder.js';
import type { TeamProfile } from '../domain/team.js';
import type { Clock, Outbox } from '../ports.js';
import type { Reaction } from '../runtime/process-events.js';
import { mirrorReminder, type RedrawDeps } from './reminder-redraw.js';
import { slackPresence } from './slack-presence.js';

/** After a sync, each synced team's reminder is edited so items handled in Jira leave it. */
function mirrorRemindersAfterSync(deps: RedrawDeps & { outbox: Outbox }, teams: readonly TeamProfile[], clock: Clock): Reaction<'itemsSynced'> {
  return async ({ teamId }) => {
    const synced = teams.filter((t) => t.acceptance.enabled && (!teamId || t.id === teamId));
    await Promise.all(synced.map((team) => mirrorReminder(deps, team, clock.now())));
  };
}

/**
 * PO acceptance reminders: a pass per team every 15 minutes, the reminder edited right after a
 * sync when listed items left the queue in Jira, and Accept / Reject / Snooze on the reminder
 * (Accept and Reject run Jira transitions, so they need a Jira site).
 */
export function wireAcceptance(rt: Runtime): Feature {
  const slack = rt.adapters.slack;
  if (!slack) return {};
  const { items, acceptanceState: state, outbox, jira: site } = rt.adapters;
  const teams = rt.config.teams.teams;
  const queue = rt.queue(QUEUES.acceptance);
  return {
    reactions: [reactTo('itemsSynced', mirrorRemindersAfterSync({ items, state, outbox }, teams, rt.clock))],
    worker: {
      queue: QUEUES.acceptance,
      start: () => startAcceptanceWorker({ items, state, outbox, presence: slackPresence(slack.web) }, teams, rt.clock, rt.connection('acceptance-worker'), rt.prefix),
      schedule: () => scheduleAcceptance(queue, teams),
    },
    ...(site ? { listeners: [(app) => registerAcceptanceReminderActions(app, { items, state, jira: site.writer, teams, ...(rt.identity.workspaceId ? { homeWorkspaceId: rt.identity.workspaceId } : {}), outbox, now: () => rt.clock.now() })] } : {}),
  };
}
