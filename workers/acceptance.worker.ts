import { type Job, type Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { type ReminderDeps, type ReminderResult, sendAcceptanceReminders } from '../src/acceptance/reminder-service.js';
import type { TeamProfile } from '../src/domain/team.js';
import type { Clock } from '../src/ports.js';
import { QUEUES } from '../src/queue/queues.js';

const SweepJob = z.object({ teamId: z.string().min(1) });

export function createAcceptanceProcessor(deps: ReminderDeps, teams: readonly TeamProfile[], clock: Clock) {
  return async function processAcceptance(job: Job): Promise<ReminderResult> {
    const parsed = SweepJob.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`bad acceptance job: ${parsed.error.message}`);
    const team = teams.find((t) => t.id === parsed.data.teamId);
    if (!team) throw new UnrecoverableError(`team ${parsed.data.teamId} is no longer in the team file`);
    return sendAcceptanceReminders(deps, team, clock.now());
  };
}

export function startAcceptanceWorker(deps: ReminderDeps, teams: readonly TeamProfile[], clock: Clock, connection: Redis, prefix: string): Worker {
  return new Worker(QUEUES.acceptance, createAcceptanceProcessor(deps, teams, clock), { connection, prefix, concurrency: 1 });
}

/**
 * A pass per team every 15 minutes: each PO's reminder goes out in the first pass after their
 * local reminder hour (or after Do Not Disturb ends); the message id makes it once a day.
 */
export async function scheduleAcceptance(queue: Queue, teams: readonly Pick<TeamProfile, 'id' | 'acceptance'>[], everyMs = 15 * 60_000): Promise<void> {
  for (const team of teams) {
    const id = `acceptance-${team.id}`;
    if (team.acceptance.enabled) await queue.upsertJobScheduler(id, { every: everyMs }, { name: 'reminders', data: { teamId: team.id }, opts: { attempts: 3, backoff: { type: 'exponential', delay: 30_000 } } });
    else await queue.removeJobScheduler(id);
  }
}
