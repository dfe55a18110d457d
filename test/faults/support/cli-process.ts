import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A real `who-owns <command>` child process (serve, work, start), as an operator runs it. */
export interface CliProcess {
  child: ChildProcess;
  port: number;
  /** Parsed JSON log lines so far. */
  logs(): Record<string, unknown>[];
  /** Raw stdout + stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal name) once the process ended. */
  exited: Promise<number | string>;
  /** Resolves once `/readyz` answers 200 (or rejects after the timeout). */
  ready(timeoutMs?: number): Promise<void>;
  /** Waits until a log line matches. */
  waitForLog(match: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  kill(signal: NodeJS.Signals): void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function poll<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts `node bin/who-owns.js <args>` with only the given environment (plus PATH/HOME). */
export async function startCli(args: string[], env: Record<string, string>): Promise<CliProcess> {
  const port = Number(env.PORT ?? (await freePort()));
  const child = spawn(process.execPath, ['bin/who-owns.js', ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'UTC', LOG_LEVEL: 'info', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const logs = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as Record<string, unknown>];
        } catch {
          return [];
        }
      });
  return {
    child,
    port,
    logs,
    output: () => out,
    exited,
    async ready(timeoutMs = 20_000) {
      await poll(
        async () => {
          if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}:\n${out}`);
          try {
            const res = await fetch(`http://127.0.0.1:${port}/readyz`);
            return res.status === 200 ? true : undefined;
          } catch {
            return undefined;
          }
        },
        timeoutMs,
        `who-owns ${args.join(' ')} to be ready`,
      );
    },
    waitForLog(match, timeoutMs = 20_000) {
      return poll(() => logs().find(match), timeoutMs, 'a log line');
    },
    kill(signal) {
      child.kill(signal);
    },
  };
}
