import type { Queue } from 'bullmq';
import { enqueueNudgeSweep, scheduleNudges, startNudgesWorker } from '../../workers/nudges.worker.js';
import type { TeamProfile } from '../domain/team.js';
import { QUEUES } from '../queue/queues.js';
import type { Runtime } from '../runtime/build-runtime.js';
import { type Feature, reactTo } from '../runtime/feature.js';
import type { Reaction } from '../runtime/process-events.js';
import { registerSnoozeAction } from '../slack/listeners/actions/nudge-snooze.js';
import { resolutionOf } from '../domain/resolution.js';
import { onDecisionForNudges, onResolvedForNudges } from './nudge-sweep.js';

/** Items that newly need attention queue their team's nudge sweep at once (teams that nudge). */
function nudgeWhenItemsNeedAttention(queue: Queue, teams: readonly Pick<TeamProfile, 'id' | 'nudges'>[]): Reaction<'itemsNeedAttention'> {
  return async ({ teamId, keys }) => {
    if (teams.find((t) => t.id === teamId)?.nudges.enabled) await enqueueNudgeSweep(queue, teamId, keys);
  };
}

/**
 * Nudges about items nobody owns yet: a sweep per team every 30 minutes and right after a sync
 * finds items that newly need attention; an item decided, or made clear by a refit or a sync,
 * has its line in the nudge that listed it edited.
 */
export function wireNudges(rt: Runtime): Feature {
  if (!rt.adapters.slack) return {};
  const { items, nudgeLedger: ledger, outbox } = rt.adapters;
  const teams = rt.config.teams.teams;
  const queue = rt.queue(QUEUES.nudges);
  return {
    reactions: [
      reactTo('itemsNeedAttention', nudgeWhenItemsNeedAttention(queue, teams)),
      reactTo('decisionRecorded', ({ key, decision }) => onDecisionForNudges({ ledger, outbox }, key, decision)),
      reactTo('verdictsResolved', async ({ verdicts }) => {
        for (const verdict of verdicts) await onResolvedForNudges({ ledger, outbox }, verdict.key, resolutionOf(verdict, rt.clock.now()));
      }),
    ],
    worker: {
      queue: QUEUES.nudges,
      start: () => startNudgesWorker({ items, ledger, outbox, logger: rt.logger.child({ queue: QUEUES.nudges }) }, teams, rt.clock, rt.connection('nudges-worker'), rt.prefix),
      schedule: () => scheduleNudges(queue, teams),
    },
    listeners: [(app) => registerSnoozeAction(app, { store: items, ledger, teams, ...(rt.identity.workspaceId ? { homeWorkspaceId: rt.identity.workspaceId } : {}), now: () => rt.clock.now() })],
  };
}
