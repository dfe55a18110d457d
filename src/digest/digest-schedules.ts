import type { Queue } from 'bullmq';
import { CronExpressionParser } from 'cron-parser';
import type { TeamProfile } from '../domain/team.js';
import { jobId } from '../queue/queues.js';

/** Prefix of every digest scheduler id; schedulers with it and not in config are stale. */
export const DIGEST_SCHEDULER_PREFIX = 'digest-';
export const DIGEST_JOB_NAME = 'weekly-digest';

export interface DigestJobData {
  teamId: string;
  channel: string;
}

type DigestTeam = Pick<TeamProfile, 'id' | 'channel' | 'timezone' | 'digest'>;

/** Deterministic per channel and team, so restarts and deploys update rather than add. */
export function digestSchedulerId(team: Pick<TeamProfile, 'id' | 'channel'>): string {
  return `${DIGEST_SCHEDULER_PREFIX}${jobId(team.channel ?? 'none', team.id)}`;
}

export function digestRepeat(team: DigestTeam): { pattern: string; tz: string } {
  return { pattern: team.digest.cron, tz: team.digest.timezone ?? team.timezone };
}

/** The scheduled fire times after `from`, as BullMQ computes them (cron-parser with the zone). */
export function nextDigestRuns(team: DigestTeam, from: Date, count: number): Date[] {
  const { pattern, tz } = digestRepeat(team);
  const interval = CronExpressionParser.parse(pattern, { currentDate: from, tz });
  return Array.from({ length: count }, () => interval.next().toDate());
}

/** The most recent scheduled time at or before `at`, for catching up a missed digest. */
export function lastDigestRun(team: DigestTeam, at: Date): Date {
  const { pattern, tz } = digestRepeat(team);
  return CronExpressionParser.parse(pattern, { currentDate: new Date(at.getTime() + 1), tz }).prev().toDate();
}

export function teamsWithDigest<T extends DigestTeam>(teams: readonly T[]): T[] {
  return teams.filter((t) => t.digest.enabled && t.channel);
}

/**
 * One job scheduler per team channel, in the team's time zone. Schedulers of teams removed
 * from the file (or whose channel or digest setting changed) are removed, so nothing lingers.
 */
export async function syncDigestSchedules(queue: Queue, teams: readonly DigestTeam[]): Promise<{ upserted: string[]; removed: string[] }> {
  const wanted = new Map(teamsWithDigest(teams).map((t) => [digestSchedulerId(t), t]));
  const upserted: string[] = [];
  for (const [id, team] of wanted) {
    const data: DigestJobData = { teamId: team.id, channel: team.channel ?? '' };
    await queue.upsertJobScheduler(id, digestRepeat(team), {
      name: DIGEST_JOB_NAME,
      data,
      opts: { removeOnComplete: 100, removeOnFail: 500, attempts: 5, backoff: { type: 'exponential', delay: 30_000 } },
    });
    upserted.push(id);
  }
  const removed: string[] = [];
  const existing = await queue.getJobSchedulers(0, -1);
  for (const scheduler of existing) {
    const id = scheduler.key;
    if (id.startsWith(DIGEST_SCHEDULER_PREFIX) && !wanted.has(id)) {
      await queue.removeJobScheduler(id);
      removed.push(id);
    }
  }
  return { upserted, removed };
}
