import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

/** A real redis-server on a private unix socket, for integration tests. */
export interface TestRedis {
  /** `unix:///…/redis.sock`, the form REDIS_URL accepts. */
  url: string;
  socketPath: string;
  dir: string;
  /** A fresh client (BullMQ-ready: maxRetriesPerRequest null). Closed by `stop()`. */
  client(): Redis;
  /** Stops and starts the server on the same socket and data dir (AOF keeps the data). */
  restart(): Promise<void>;
  /** Stops the server without starting it again (for outage tests); `start()` brings it back. */
  kill(): Promise<void>;
  start(): Promise<void>;
  flush(): Promise<void>;
  stop(): Promise<void>;
}

function assertRedisInstalled(): void {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'redis-server is not installed: integration tests start a real Redis. Install it (Debian/Ubuntu: `apt-get install -y redis-server`; macOS: `brew install redis`) or run `bash .ci/run`, which installs it.',
    );
  }
}

async function waitForSocket(socketPath: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // While Redis loads its append-only file, ioredis's ready check waits `loading_eta_seconds || 1` s
    // before asking again: a second per restart, during which the tests' workers run on.
    const probe = new Redis({ path: socketPath, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, maxLoadingRetryTime: 25 });
    probe.on('error', () => {});
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return;
    } catch {
      probe.disconnect();
      if (Date.now() > deadline) throw new Error(`redis-server did not come up on ${socketPath}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

/** Starts redis-server with append-only persistence in a temp dir. */
export async function startTestRedis(options: { appendOnly?: boolean } = {}): Promise<TestRedis> {
  assertRedisInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'who-owns-redis-'));
  const socketPath = join(dir, 'redis.sock');
  const clients: Redis[] = [];
  let proc: ChildProcess | undefined;

  async function start(): Promise<void> {
    proc = spawn(
      'redis-server',
      ['--port', '0', '--unixsocket', socketPath, '--unixsocketperm', '700', '--dir', dir, '--save', '', '--appendonly', options.appendOnly === false ? 'no' : 'yes', '--appendfsync', 'always', '--maxmemory-policy', 'noeviction'],
      { stdio: 'ignore' },
    );
    await waitForSocket(socketPath, 10_000);
  }

  async function kill(): Promise<void> {
    const current = proc;
    if (!current || current.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
    current.kill('SIGTERM');
    await exited;
  }

  await start();
  return {
    url: `unix://${socketPath}`,
    socketPath,
    dir,
    client() {
      const c = new Redis({ path: socketPath, maxRetriesPerRequest: null });
      c.on('error', () => {});
      clients.push(c);
      return c;
    },
    restart: async () => {
      await kill();
      await start();
    },
    kill,
    start,
    async flush() {
      const c = new Redis({ path: socketPath });
      await c.flushall();
      c.disconnect();
    },
    async stop() {
      for (const c of clients) c.disconnect();
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
