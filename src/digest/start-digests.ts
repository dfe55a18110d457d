import type { Queue } from 'bullmq';
import type { TeamProfile } from '../domain/team.js';
import { catchUpDigests } from './digest-catch-up.js';
import type { DigestLedger } from './digest-ledger.js';
import { syncDigestSchedules } from './digest-schedules.js';

/**
 * What the worker process does for digests on start: schedules as in the team file (stale
 * ones removed), then the current period's digest for any team whose time passed unsent.
 */
export async function startDigests(queue: Queue, teams: readonly TeamProfile[], ledger: DigestLedger, now: Date): Promise<{ upserted: string[]; removed: string[]; caughtUp: string[] }> {
  const { upserted, removed } = await syncDigestSchedules(queue, teams);
  const caughtUp = await catchUpDigests(queue, teams, ledger, now);
  return { upserted, removed, caughtUp };
}
