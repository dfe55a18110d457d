import { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestSchedulerId, lastDigestRun, nextDigestRuns, syncDigestSchedules } from '../../src/digest/digest-schedules.js';
import { QUEUES } from '../../src/queue/queues.js';
import { aTeam } from '../support/builders.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';

function team(id: string, channel: string, timezone: string, cron = '0 9 * * 1', digestZone?: string) {
  return aTeam({
    id,
    name: id,
    jira: { projects: ['PAY'], boards: [], components: [] },
    channel,
    timezone,
    digest: { enabled: true, cron, ...(digestZone ? { timezone: digestZone } : {}) },
  });
}

function local(runs: Date[], zone: string): string[] {
  return runs.map((d) => DateTime.fromJSDate(d, { zone }).toFormat('ccc yyyy-MM-dd HH:mm ZZZZ'));
}

describe('digest schedules', () => {
  it('fires Monday 09:00 in Berlin across the end of summer time (last Sunday of October)', () => {
    const runs = nextDigestRuns(team('payments', 'C1', 'Europe/Berlin'), new Date('2026-10-19T12:00:00Z'), 3);

    expect(local(runs, 'Europe/Berlin')).toEqual(['Mon 2026-10-26 09:00 GMT+1', 'Mon 2026-11-02 09:00 GMT+1', 'Mon 2026-11-09 09:00 GMT+1']);
    expect(runs.map((d) => d.toISOString())).toEqual(['2026-10-26T08:00:00.000Z', '2026-11-02T08:00:00.000Z', '2026-11-09T08:00:00.000Z']);
    // The Monday before the change is still summer time: 07:00 UTC.
    expect(nextDigestRuns(team('payments', 'C1', 'Europe/Berlin'), new Date('2026-10-12T12:00:00Z'), 1)[0]?.toISOString()).toBe('2026-10-19T07:00:00.000Z');
  });

  it('fires Monday 09:00 in New York across the first Sunday of November, and in Kolkata (no DST)', () => {
    const ny = nextDigestRuns(team('growth', 'C2', 'America/New_York'), new Date('2026-10-27T12:00:00Z'), 2);
    const kol = nextDigestRuns(team('platform', 'C3', 'Asia/Kolkata'), new Date('2026-10-27T12:00:00Z'), 1);

    expect(ny.map((d) => d.toISOString())).toEqual(['2026-11-02T14:00:00.000Z', '2026-11-09T14:00:00.000Z']);
    expect(local(ny, 'America/New_York')).toEqual(['Mon 2026-11-02 09:00 EST', 'Mon 2026-11-09 09:00 EST']);
    expect(kol[0]?.toISOString()).toBe('2026-11-02T03:30:00.000Z');
  });

  it('takes a 6-field cron and a digest zone that differs from the team zone', () => {
    const runs = nextDigestRuns(team('payments', 'C1', 'Europe/Berlin', '30 0 8 * * 5', 'Europe/London'), new Date('2026-11-23T00:00:00Z'), 1);

    expect(local(runs, 'Europe/London')).toEqual(['Fri 2026-11-27 08:00 GMT']);
    expect(runs[0]?.getUTCSeconds()).toBe(30);
  });

  it('finds the last scheduled time for catching up', () => {
    expect(lastDigestRun(team('payments', 'C1', 'Europe/Berlin'), new Date('2026-11-25T12:00:00Z')).toISOString()).toBe('2026-11-23T08:00:00.000Z');
  });

  describe('on Redis', () => {
    let redis: TestRedis;
    beforeAll(async () => {
      redis = await startTestRedis();
    });
    afterAll(async () => {
      await redis.stop();
    });

    it('keeps one scheduler per channel across restarts and removes those no longer configured', async () => {
      const connection = redis.client();
      const queue = new Queue(QUEUES.digest, { connection, prefix: 'sched' });
      const teams = [team('payments', 'C1', 'Europe/Berlin'), team('growth', 'C2', 'America/New_York')];
      await queue.upsertJobScheduler('sync-other', { every: 60_000 });

      await syncDigestSchedules(queue, teams);
      await syncDigestSchedules(queue, teams);
      const moved = [team('payments', 'C1', 'Europe/Berlin', '0 10 * * 2'), team('platform', 'C3', 'Asia/Kolkata')];
      const result = await syncDigestSchedules(queue, moved);

      const schedulers = await queue.getJobSchedulers(0, -1);
      expect(schedulers.map((s) => s.key).sort()).toEqual([digestSchedulerId(moved[0]!), digestSchedulerId(moved[1]!), 'sync-other'].sort());
      expect(result.removed).toEqual([digestSchedulerId(teams[1]!)]);
      const payments = schedulers.find((s) => s.key === digestSchedulerId(moved[0]!));
      expect(payments).toMatchObject({ pattern: '0 10 * * 2', tz: 'Europe/Berlin' });
      // One pending run per configured channel: the removed team's next run went with its scheduler.
      const pending = (await queue.getJobs(['delayed', 'wait'])).filter((j) => j.name === 'weekly-digest');
      expect(pending.map((j) => j.data.teamId).sort()).toEqual(['payments', 'platform']);
      expect(digestSchedulerId(teams[0]!)).not.toContain(':');
      await queue.close();
    });
  });
});
