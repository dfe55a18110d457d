/**
 * A loopback service (fake Slack, fake Jira) in a process of its own, for benchmarks: the
 * service is another machine, so its HTTP work and clock must not share the event loop being
 * measured. The child calls `serveInProcess` once listening; the parent asks over IPC for a
 * `report`.
 */
import { type ChildProcess, fork } from 'node:child_process';

export interface ServiceProcess<Report> {
  url: string;
  report(): Promise<Report>;
  close(): Promise<void>;
}

type FromChild<Report> = { type: 'ready'; url: string } | { type: 'report'; report: Report };

/** Starts `modulePath` with `--serve <options as JSON>` and waits for it to listen. */
export function startServiceProcess<Report>(modulePath: string, options: unknown): Promise<ServiceProcess<Report>> {
  const child: ChildProcess = fork(modulePath, ['--serve', JSON.stringify(options)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const nextMessage = <T extends FromChild<Report>['type']>(type: T) =>
    new Promise<Extract<FromChild<Report>, { type: T }>>((resolve, reject) => {
      const onMessage = (message: FromChild<Report>) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as Extract<FromChild<Report>, { type: T }>);
      };
      const onExit = (code: number | null) => reject(new Error(`${modulePath} exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  return nextMessage('ready').then(({ url }) => ({
    url,
    async report() {
      const answer = nextMessage('report');
      child.send({ type: 'report' });
      return (await answer).report;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  }));
}

/** In the child: answers `report` requests, closes on SIGTERM, and tells the parent its URL. */
export function serveInProcess<Report>(url: string, report: () => Report, close: () => Promise<void>): void {
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'report') process.send?.({ type: 'report', report: report() });
  });
  process.on('SIGTERM', () => void close().then(() => process.exit(0)));
  process.send?.({ type: 'ready', url });
}
