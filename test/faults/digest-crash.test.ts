import type { ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxKeys } from '../../src/delivery/outbox-keys.js';
import { readDeadLetters } from '../../src/delivery/redis-outbox.js';
import { catchUpDigests } from '../../src/digest/digest-catch-up.js';
import { digestMessageId, digestPeriod } from '../../src/domain/digest/digest-period.js';
import type { TeamProfile } from '../../src/domain/team.js';
import { QUEUES } from '../../src/queue/queues.js';
import { backlog } from '../digest/digest-fixtures.js';
import { aTeam } from '../support/builders.js';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { testAdapters } from '../support/test-adapters.js';
import { recordFaultFigures } from './support/fault-figures.js';
import { killHard, randomInt, startWorkerProcess, waitFor } from './support/worker-process.js';

/**
 * A worker process running the digest worker and the notify worker (workers/digest.worker.ts,
 * workers/notify.worker.ts) SIGKILLed while it builds and posts one period's digests for
 * several team channels, then started again (it catches up the period on start, as `work`
 * does). Each trial is a new week; the process restarted in one trial is the one the next kills.
 */
const TRIALS = 8;
const TEAMS = 12;
/** Items per team: enough that each digest has a thread reply with the rest of its lists. */
const ITEMS = 240;
const PREFIX = '{digest-crash}';
const FIRST_WEEK = Date.parse('2026-11-23T09:30:00Z'); // a Monday, after the 09:00 digest time

const teams: TeamProfile[] = Array.from({ length: TEAMS }, (_, i) => {
  const project = `D${String.fromCharCode(65 + i)}`;
  return aTeam({ id: `digest-${i}`, name: `Team ${project}`, jira: { projects: [project], boards: [], components: [] }, channel: `C0DIGEST${String(i).padStart(2, '0')}` });
});

let redis: TestRedis;
let client: Redis;
let slack: FakeSlackApi;
const children: ChildProcess[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  client = redis.client();
  slack = await startFakeSlackApi({ clockTs: true });
  const store = testAdapters(client, { prefix: PREFIX, teams }).adapters.items;
  for (const [i, team] of teams.entries()) {
    const project = team.jira.projects[0] ?? `D${i}`;
    const entries = backlog(ITEMS).map(({ item, verdict }) => {
      const key = item.key.replace(/^PAY-/, `${project}-`);
      return { item: { ...item, key, projectKey: project, url: `https://acme.atlassian.net/browse/${key}` }, verdict: { ...verdict, key, teamId: team.id } };
    });
    await store.putItems(entries.map((e) => e.item));
    await store.putVerdicts(entries.map((e) => e.verdict));
  }
});
afterAll(async () => {
  for (const child of children) await killHard(child);
  await slack.close();
  await redis.stop();
});

async function startWorker(now: Date): Promise<ChildProcess> {
  const child = await startWorkerProcess('test/support/digest-worker-process.ts', { redisUrl: redis.url, prefix: PREFIX, slackApiUrl: slack.apiUrl, teams, now: now.toISOString(), lockMs: 1000, intervalMs: 30 });
  children.push(child);
  return child;
}

/** Moves a running worker process's clock to `now` (the next week has begun). */
function setClock(child: ChildProcess, now: Date): Promise<void> {
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      if (!chunk.toString().includes(`clock ${now.toISOString()}`)) return;
      child.stdout?.off('data', onData);
      resolve();
    };
    child.stdout?.on('data', onData);
    child.stdin?.write(`now ${now.toISOString()}\n`);
  });
}

/** Outgoing ids of the chat.postMessage calls Slack received (each is one post in a channel). */
function postedIds(): string[] {
  return slack.callsTo('chat.postMessage').map((c) => String((c.body.metadata as { event_payload?: { outgoing_id?: string } } | undefined)?.event_payload?.outgoing_id));
}

describe('faults/digest-crash', () => {
  it(`each of ${TEAMS} team channels gets exactly one digest and one thread reply per week over ${TRIALS} weeks, the worker SIGKILLed mid-run each week`, async ({ task }) => {
    const digestQueue = new Queue(QUEUES.digest, { connection: client, prefix: PREFIX });
    const built = testAdapters(client, { prefix: PREFIX, teams });
    const { outbox, digestLedger: ledger } = built.adapters;
    const summary: { trial: number; trigger: string; claimedAtKill: number; postedAtKill: number }[] = [];
    let worker = await startWorker(new Date(FIRST_WEEK));
    for (let trial = 0; trial < TRIALS; trial++) {
      const now = new Date(FIRST_WEEK + trial * 7 * 86_400_000);
      const period = digestPeriod(now, 'UTC');
      const ids = teams.flatMap((team) => {
        const id = digestMessageId(team.channel ?? '', team.id, period);
        return [id, `${id}:more`];
      });
      const wanted = new Set(ids);
      const postedThisWeek = () => postedIds().filter((id) => wanted.has(id)).length;
      if (trial > 0) await setClock(worker, now);
      // The week's digest time has come: one job per team channel, as the schedule or a catch-up adds it.
      await catchUpDigests(digestQueue, teams, ledger, now);

      // Kill while digests are built (a random moment) or while they are posted (after a random number of posts).
      let trigger: string;
      if (trial % 2 === 0) {
        const ms = randomInt(5, 100);
        trigger = `${ms} ms in`;
        await new Promise((r) => setTimeout(r, ms));
      } else {
        const posts = randomInt(1, ids.length - 3);
        trigger = `after ${posts} posts`;
        await waitFor(() => postedThisWeek() >= posts, 20_000, `${posts} posts in week ${period}`, 2);
        await new Promise((r) => setTimeout(r, randomInt(0, 10)));
      }
      await killHard(worker);
      const claimedAtKill = (await Promise.all(teams.map((t) => ledger.posted(digestMessageId(t.channel ?? '', t.id, period))))).filter(Boolean).length;
      const postedAtKill = postedThisWeek();
      summary.push({ trial, trigger, claimedAtKill, postedAtKill });

      worker = await startWorker(now);
      await waitFor(async () => (await Promise.all(ids.map((id) => outbox.delivered(id)))).every(Boolean), 20_000, `every digest of ${period} delivered`, 50);
      // Nothing left that could still post: digest jobs done, deliveries drained.
      await waitFor(async () => (await digestQueue.getJobCountByTypes('waiting', 'active', 'delayed', 'prioritized')) === 0, 10_000, 'the digest queue to drain', 50);
      await new Promise((r) => setTimeout(r, 300));

      const posted = postedIds().filter((id) => id.includes(period));
      expect(posted.length, `week ${period}`).toBe(ids.length);
      expect(new Set(posted), `week ${period}`).toEqual(wanted);
      for (const team of teams) {
        const id = digestMessageId(team.channel ?? '', team.id, period);
        const top = slack.channelMessages(team.channel ?? '').filter((m) => !m.thread_ts && (m.metadata as { event_payload?: { outgoing_id?: string } } | undefined)?.event_payload?.outgoing_id === id);
        expect(top, `${team.id} ${period}`).toHaveLength(1);
        const replies = slack.channelMessages(team.channel ?? '').filter((m) => m.thread_ts === top[0]?.ts);
        expect(replies, `${team.id} ${period} thread`).toHaveLength(1);
      }
      expect(await readDeadLetters(client, outboxKeys(PREFIX))).toEqual([]);
    }
    await killHard(worker);
    await Promise.all([digestQueue.close(), built.close()]);

    // Over all weeks: one post per channel, week and message, nothing else.
    const all = postedIds();
    const total = TRIALS * TEAMS * 2;
    const duplicated = all.length - new Set(all).size;
    const midRun = summary.filter((s) => s.postedAtKill < TEAMS * 2).length;
    recordFaultFigures(task, {
      trials: TRIALS,
      faultsInjected: TRIALS,
      checked: total,
      lost: total - new Set(all).size,
      duplicated,
      detail: `${TEAMS} team channels with ${ITEMS} items each; each week a process running the digest and notify workers (lock 1 s) was SIGKILLed ${summary.map((s) => s.trigger).join(', ')} (digests claimed at the kills: ${summary.map((s) => s.claimedAtKill).join(', ')} of ${TEAMS}; messages posted: ${summary.map((s) => s.postedAtKill).join(', ')} of ${TEAMS * 2}); the restarted process picked up the stalled jobs and caught up the week. Every channel got exactly one digest and one thread reply per week.`,
    });
    process.stdout.write(`digest-crash: ${TRIALS} weeks × ${TEAMS} channels, killed ${summary.map((s) => `${s.trigger} (${s.claimedAtKill} claimed, ${s.postedAtKill} posted)`).join('; ')}; ${duplicated} duplicates, ${total - new Set(all).size} missing\n`);
    expect(all).toHaveLength(total);
    expect(duplicated).toBe(0);
    expect(midRun).toBe(TRIALS);
  });
});
