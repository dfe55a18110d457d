import { type ChildProcess, spawn } from 'node:child_process';

/**
 * A worker in its own process (one of test/support/*-worker-process.ts), for fault tests that
 * kill it with SIGKILL. It gets its settings as one JSON argument and prints `ready` once its
 * BullMQ worker is connected.
 */
export function startWorkerProcess(script: string, settings: Record<string, unknown>, timeoutMs = 20_000): Promise<ChildProcess> {
  // tsx as a loader keeps one process per worker, so SIGKILL hits the worker itself.
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(settings)], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not print "ready" within ${timeoutMs} ms`));
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('ready')) return;
      clearTimeout(timer);
      resolve(child);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited early (${code ?? signal})`));
    });
  });
}

/** SIGKILL: no shutdown hook runs, locks stay until they expire, in-flight requests are cut. */
export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string, everyMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export function randomInt(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1));
}
