import { createHash } from 'node:crypto';
import { type Job, type Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { TeamProfile } from '../src/domain/team.js';
import { type NudgeDeps, runNudgeSweep, type SweepResult } from '../src/nudges/nudge-sweep.js';
import type { Clock } from '../src/ports.js';
import { QUEUES } from '../src/queue/queues.js';

const SweepJob = z.object({ teamId: z.string().min(1) });

export function createNudgesProcessor(deps: NudgeDeps, teams: readonly TeamProfile[], clock: Clock) {
  return async function processNudges(job: Job): Promise<SweepResult> {
    const parsed = SweepJob.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`bad nudges job: ${parsed.error.message}`);
    const team = teams.find((t) => t.id === parsed.data.teamId);
    if (!team) throw new UnrecoverableError(`team ${parsed.data.teamId} is no longer in the team file`);
    return runNudgeSweep(deps, team, clock.now());
  };
}

export function startNudgesWorker(deps: NudgeDeps, teams: readonly TeamProfile[], clock: Clock, connection: Redis, prefix: string): Worker {
  return new Worker(QUEUES.nudges, createNudgesProcessor(deps, teams, clock), { connection, prefix, concurrency: 1 });
}

/** A sweep per team every 30 minutes (working hours are applied by the policy, in the team's zone). */
export async function scheduleNudges(queue: Queue, teams: readonly Pick<TeamProfile, 'id' | 'nudges'>[], everyMs = 30 * 60_000): Promise<void> {
  for (const team of teams) {
    const id = `nudges-${team.id}`;
    if (team.nudges.enabled) await queue.upsertJobScheduler(id, { every: everyMs }, { name: 'sweep', data: { teamId: team.id }, opts: { attempts: 3, backoff: { type: 'exponential', delay: 30_000 } } });
    else await queue.removeJobScheduler(id);
  }
}

/**
 * Queues a sweep right after a sync found items that newly need attention. The job id names
 * the team and the items, so a retried sync that finds the same items queues one sweep.
 */
export async function enqueueNudgeSweep(queue: Queue, teamId: string, keys: readonly string[]): Promise<void> {
  const passId = createHash('sha256').update(keys.join(',')).digest('hex').slice(0, 16);
  await queue.add('sweep', { teamId }, { jobId: `nudges-${teamId}-${passId}`, attempts: 3, removeOnComplete: { age: 3600 }, removeOnFail: { age: 86_400 } });
}
