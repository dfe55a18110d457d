import type { Queue } from 'bullmq';
import { digestMessageId, digestPeriod } from '../domain/digest/digest-period.js';
import type { TeamProfile } from '../domain/team.js';
import { jobId } from '../queue/queues.js';
import type { DigestLedger } from '../ports.js';
import { DIGEST_JOB_NAME, type DigestJobData, lastDigestRun, teamsWithDigest } from './digest-schedules.js';

/**
 * On start: a team whose digest time in the current period has passed without a digest
 * (the process was down at the time) gets it now. The job id is per channel and period, so
 * several starting workers add it once.
 */
export async function catchUpDigests(queue: Queue, teams: readonly TeamProfile[], ledger: DigestLedger, now: Date): Promise<string[]> {
  const added: string[] = [];
  for (const team of teamsWithDigest(teams)) {
    const zone = team.digest.timezone ?? team.timezone;
    const period = digestPeriod(now, zone);
    const last = lastDigestRun(team, now);
    if (digestPeriod(last, zone) !== period) continue;
    const channel = team.channel ?? '';
    if (await ledger.posted(digestMessageId(channel, team.id, period))) continue;
    const data: DigestJobData & { scheduledAt: string } = { teamId: team.id, channel, scheduledAt: last.toISOString() };
    const id = jobId('digest', channel, team.id, period);
    await queue.add(DIGEST_JOB_NAME, data, { jobId: id, removeOnComplete: 100, removeOnFail: 500, attempts: 5, backoff: { type: 'exponential', delay: 30_000 } });
    added.push(id);
  }
  return added;
}
