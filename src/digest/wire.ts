import { createDigestWorker } from '../../workers/digest.worker.js';
import { QUEUES } from '../queue/queues.js';
import type { Runtime } from '../runtime/build-runtime.js';
import { type Feature, reactTo } from '../runtime/feature.js';
import { catchUpDigests } from './digest-catch-up.js';
import { syncDigestSchedules } from './digest-schedules.js';
import { resolutionOf } from '../domain/resolution.js';
import { type DigestDeps, onDecisionForDigest, onResolvedForDigest } from './digest-service.js';

/**
 * The weekly digest per team channel, on the team's schedule (a digest missed while no worker
 * ran goes out at start); an item decided, or made clear by a refit or a sync, is ticked in
 * this week's digest.
 */
export function wireDigest(rt: Runtime): Feature {
  if (!rt.adapters.slack) return {};
  const { items, decisions, outbox, digestLedger: ledger } = rt.adapters;
  const teams = rt.config.teams.teams;
  const deps: DigestDeps = { teams, items, decisions, outbox, ledger, clock: rt.clock, learned: rt.adapters.learned };
  const queue = rt.queue(QUEUES.digest);
  return {
    reactions: [
      reactTo('decisionRecorded', ({ key, decision }) => onDecisionForDigest(deps, key, decision)),
      reactTo('verdictsResolved', async ({ verdicts }) => {
        for (const verdict of verdicts) await onResolvedForDigest(deps, verdict.key, resolutionOf(verdict, rt.clock.now()));
      }),
    ],
    worker: {
      queue: QUEUES.digest,
      start: () => createDigestWorker({ connection: rt.connection('digest-worker'), prefix: rt.prefix, deps }),
      async schedule() {
        await syncDigestSchedules(queue, teams);
        await catchUpDigests(queue, teams, ledger, rt.clock.now());
      },
    },
  };
}
