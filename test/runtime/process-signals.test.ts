import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli } from '../faults/support/cli-process.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  await redis.stop();
});

const env = () => ({ REDIS_URL: redis.url, REDIS_PREFIX: '{signals}', WHO_OWNS_CONFIG: 'samples/who-owns.yaml' });

describe('runtime/process-signals (the real CLI)', () => {
  it('who-owns start answers /readyz, then on SIGTERM shuts down in order and exits 0', async () => {
    const proc = await startCli(['start'], env());
    await proc.ready();

    proc.kill('SIGTERM');
    const code = await proc.exited;

    expect(code).toBe(0);
    const steps = proc.logs().filter((l) => l.msg === 'shutdown step done').map((l) => l.step);
    expect(steps).toEqual(['http', 'workers', 'queues-and-redis']);
    expect(proc.logs().at(-1)).toMatchObject({ msg: 'shutdown complete', code: 0 });
  });

  it('who-owns serve exits at once with 130 on a second signal during shutdown', async () => {
    const proc = await startCli(['serve'], env());
    await proc.ready();
    // Hold one request open so the first shutdown step is still waiting when the second signal arrives.
    const socket = await import('node:net').then(({ connect }) => connect(proc.port, '127.0.0.1'));
    await new Promise((r) => socket.once('connect', r));
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'); // headers never finish

    proc.kill('SIGTERM');
    await proc.waitForLog((l) => String(l.msg).startsWith('shutting down'));
    proc.kill('SIGINT');
    const code = await proc.exited;
    socket.destroy();

    expect(code).toBe(130);
    expect(proc.logs().some((l) => l.msg === 'second signal: exiting now')).toBe(true);
  });
});
