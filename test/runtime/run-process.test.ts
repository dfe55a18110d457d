import { Writable } from 'node:stream';
import { Queue, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load-config.js';
import { createLogger } from '../../src/logger.js';
import { QUEUES } from '../../src/queue/queues.js';
import { runProcess } from '../../src/runtime/run-process.js';
import type { WorkerDefinition } from '../../src/runtime/start-workers.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  await redis.stop();
});

function captured(): { logger: ReturnType<typeof createLogger>; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  return {
    logger: createLogger({ level: 'debug', destination }),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

function config(prefix: string) {
  return loadConfig({ REDIS_URL: redis.url, REDIS_PREFIX: prefix, WHO_OWNS_CONFIG: 'samples/who-owns.yaml' });
}

/** A worker on the sync queue that takes `ms` per job and records what it finished. */
function slowWorker(finished: string[], ms: number): WorkerDefinition {
  return {
    queue: QUEUES.sync,
    start: (rt) =>
      new Worker(
        QUEUES.sync,
        async (job) => {
          await new Promise((r) => setTimeout(r, ms));
          finished.push(String(job.id));
        },
        { connection: rt.connection('test-worker'), prefix: rt.prefix, concurrency: 2 },
      ),
  };
}

describe('runtime/run-process', () => {
  it('answers /healthz, /readyz and /metrics, with queue depths read from Redis', async () => {
    const log = captured();
    const running = await runProcess(config('{rp-a}'), { serve: true, work: false, port: 0, logger: log.logger, handleSignals: false });
    try {
      const base = `http://127.0.0.1:${running.port}`;
      await running.runtime.queue(QUEUES.digest).add('x', {}, { delay: 60_000 });

      const health = await fetch(`${base}/healthz`);
      const ready = await fetch(`${base}/readyz`);
      const metricsText = await (await fetch(`${base}/metrics`)).text();

      expect(health.status).toBe(200);
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as { checks: { name: string; ok: boolean }[] }).checks.map((c) => c.name)).toEqual(['config', 'redis', 'jira', 'sync']);
      expect(metricsText).toContain('who_owns_queue_jobs{queue="digest",state="delayed"} 1');
      expect(metricsText).toContain('who_owns_queue_jobs{queue="notify",state="waiting"} 0');
      expect(health.headers.get('x-request-id')).toBeTruthy();
      expect((await fetch(`${base}/slack/events`, { method: 'POST' })).status).toBe(404);
    } finally {
      await running.stop();
    }
  });

  it('reports not ready while Redis is down, and ready again once it is back', async () => {
    const running = await runProcess(config('{rp-b}'), { serve: false, work: false, port: 0, logger: captured().logger, handleSignals: false });
    try {
      const url = `http://127.0.0.1:${running.port}/readyz`;
      await redis.kill();
      const down = await fetch(url);
      const downBody = (await down.json()) as { checks: { name: string; ok: boolean; detail: string }[] };
      await redis.start();
      await new Promise((r) => setTimeout(r, 300));
      const up = await fetch(url);

      expect(down.status).toBe(503);
      expect(downBody.checks.find((c) => c.name === 'redis')).toMatchObject({ ok: false });
      expect((await fetch(`http://127.0.0.1:${running.port}/healthz`)).status).toBe(200);
      expect(up.status).toBe(200);
    } finally {
      await running.stop();
    }
  });

  it('on shutdown finishes running jobs, leaves queued ones for another worker, and closes Redis last', async () => {
    const finished: string[] = [];
    const log = captured();
    const prefix = '{rp-c}';
    const running = await runProcess(config(prefix), { serve: true, work: true, port: 0, logger: log.logger, handleSignals: false, workers: [slowWorker(finished, 400)] });
    const queue = running.runtime.queue(QUEUES.sync);
    for (let i = 0; i < 6; i++) await queue.add('job', {}, { jobId: `j${i}` });
    await new Promise((r) => setTimeout(r, 150)); // two jobs are now running

    const code = await running.stop();
    const probe = new Queue(QUEUES.sync, { connection: redis.client(), prefix });
    const counts = await probe.getJobCounts('waiting', 'active', 'completed');
    await probe.close();

    expect(code).toBe(0);
    expect(finished).toEqual(['j0', 'j1']);
    expect(counts).toEqual({ waiting: 4, active: 0, completed: 2 });
    const steps = log.lines().filter((l) => l.msg === 'shutdown step done').map((l) => l.step);
    expect(steps).toEqual(['http', 'workers', 'queues-and-redis']);
    expect(running.runtime.redis.status).toBe('end');
  });

  it('times each job and exposes the duration histogram per queue', async () => {
    const finished: string[] = [];
    const running = await runProcess(config('{rp-d}'), { serve: false, work: true, port: 0, logger: captured().logger, handleSignals: false, workers: [slowWorker(finished, 20)] });
    try {
      await running.runtime.queue(QUEUES.sync).add('job', {});
      for (let i = 0; i < 50 && finished.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 50));
      const text = await (await fetch(`http://127.0.0.1:${running.port}/metrics`)).text();

      expect(finished).toHaveLength(1);
      expect(text).toMatch(/who_owns_job_duration_seconds_count\{queue="sync",outcome="completed"\} [1-9]/);
    } finally {
      await running.stop();
    }
  });
});
