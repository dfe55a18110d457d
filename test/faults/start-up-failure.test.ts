import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli } from './support/cli-process.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.js';

/** The real CLI, as an operator or a container runtime starts it. */
describe('who-owns serve: a process that cannot start exits', () => {
  let redis: TestRedis;
  let holder: Server;
  let taken: number;

  beforeAll(async () => {
    // Warm tsx's transform cache, so the timed run measures start-up, not compiling TypeScript
    // (the Docker image runs compiled JavaScript).
    await (await startCli(['--version'], {})).exited;
    redis = await startTestRedis();
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    taken = (holder.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((r) => holder.close(r));
    await redis.stop();
  });

  it('on a taken port: exit code 1 within 5 s, with one line saying what failed and how to fix it', async () => {
    const started = Date.now();
    const cli = await startCli(['serve'], { REDIS_URL: redis.url, REDIS_PREFIX: '{taken}', WHO_OWNS_CONFIG: 'samples/who-owns.yaml', PORT: String(taken), LOG_LEVEL: 'warn' });
    const code = await Promise.race([cli.exited, new Promise((r) => setTimeout(() => r('still running after 5 s'), 5_000))]);

    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(cli.output().trim()).toBe(`who-owns: port ${taken} is already in use: stop the process holding it or set PORT to a free port`);
  });

  it('when Redis does not answer within 10 s: exit code 1 naming REDIS_URL', async () => {
    const cli = await startCli(['serve'], { REDIS_URL: 'redis://127.0.0.1:1', REDIS_PREFIX: '{gone}', WHO_OWNS_CONFIG: 'samples/who-owns.yaml', LOG_LEVEL: 'error' });
    const code = await Promise.race([cli.exited, new Promise((r) => setTimeout(() => r('still running after 20 s'), 20_000))]);

    expect(code).toBe(1);
    expect(cli.output().trim()).toBe('who-owns: Redis did not answer within 10 s: check REDIS_URL and that Redis is running');
  }, 30_000);
});
