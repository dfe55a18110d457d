import { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load-config.js';
import { createLogger } from '../../src/logger.js';
import { QUEUES } from '../../src/queue/queues.js';
import { type RunningProcess, runProcess } from '../../src/runtime/run-process.js';
import type { WorkerDefinition } from '../../src/runtime/start-workers.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';
import { recordFaultFigures } from './support/fault-figures.js';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  await redis.stop();
});

const prefix = '{restart}';

/**
 * How long each job works. A restart can take a second on a busy machine while the workers keep
 * going on the other side of it, so the jobs must last long enough for the queue to outlive both
 * restarts: at 15 ms the eight workers drained it within one restart about one run in six.
 */
const JOB_MS = 50;

/** A job that records its result under its id, the way feature workers write idempotently. */
function recordingWorker(concurrency: number): WorkerDefinition {
  return {
    queue: QUEUES.sync,
    start: (rt) =>
      new Worker(
        QUEUES.sync,
        async (job) => {
          await new Promise((r) => setTimeout(r, JOB_MS));
          await rt.redis.hset(`${prefix}:test:results`, String(job.id), String(job.data.n));
          await rt.redis.hincrby(`${prefix}:test:runs`, String(job.id), 1);
        },
        { connection: rt.connection('restart-worker'), prefix: rt.prefix, concurrency, stalledInterval: 1000, lockDuration: 2000 },
      ),
  };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe('faults/redis-restart', () => {
  it('two work processes keep going through two Redis restarts: every queued job completes, none is lost', async ({ task }) => {
    const config = loadConfig({ REDIS_URL: redis.url, REDIS_PREFIX: prefix, WHO_OWNS_CONFIG: 'samples/who-owns.yaml' });
    const logger = createLogger({ level: 'silent' });
    const processes: RunningProcess[] = [];
    for (let i = 0; i < 2; i++) {
      processes.push(await runProcess(config, { serve: false, work: true, port: 0, logger, handleSignals: false, workers: [recordingWorker(4)] }));
    }
    const total = 600;
    const queue = processes[0]!.runtime.queue(QUEUES.sync);
    await queue.addBulk(Array.from({ length: total }, (_, n) => ({ name: 'item', data: { n }, opts: { jobId: `item-${n}` } })));
    const check = redis.client();
    const done = async () => (await check.hlen(`${prefix}:test:results`)) >= total;

    let restarts = 0;
    const doneAtRestart: number[] = [];
    for (const threshold of [total / 4, total / 2]) {
      await waitFor(async () => (await check.hlen(`${prefix}:test:results`)) >= threshold, 20_000);
      doneAtRestart.push(await check.hlen(`${prefix}:test:results`));
      await redis.restart();
      restarts++;
    }
    const finished = await waitFor(done, 30_000);
    const results = await check.hgetall(`${prefix}:test:results`);
    const runs = Object.values(await check.hgetall(`${prefix}:test:runs`)).map(Number);
    const counts = await queue.getJobCounts('completed', 'failed', 'waiting', 'active');
    for (const p of processes) await p.stop();

    const lost = Array.from({ length: total }, (_, n) => `item-${n}`).filter((id) => results[id] === undefined);
    const rerun = runs.filter((r) => r > 1).length;
    recordFaultFigures(task, {
      trials: 1,
      faultsInjected: restarts,
      checked: total,
      lost: lost.length,
      detail: `${total} queued jobs, two work processes, Redis (AOF) restarted twice mid-run; the processes reconnect on their own. ${rerun} job(s) that were running at a restart ran again (at-least-once; feature jobs are idempotent).`,
    });
    // The restarts really happened mid-run, with most of the work still queued.
    expect(doneAtRestart.every((n) => n < total * 0.8)).toBe(true);
    expect(finished).toBe(true);
    expect(lost).toEqual([]);
    expect(counts.failed).toBe(0);
    expect(counts.completed).toBe(total);
  });
});
