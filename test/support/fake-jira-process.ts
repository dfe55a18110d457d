/**
 * A paced fake Jira Cloud in a process of its own, for benchmarks: Jira is another machine, so
 * its HTTP work and its clock must not share the event loop of the sync being measured.
 * Jira-like pacing: a sliding one-second window of `rps` requests, 429 (`Retry-After: 1`,
 * `RateLimit-Reason: jira-burst-based`) beyond it, `latencyMs` on every answered request.
 * The parent asks over IPC for `report`: requests seen and how many were answered 429.
 */
import { type ChildProcess, fork } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startJiraSiteServer } from '../../src/demo/sample-jira-server.js';
import { type GeneratedSiteOptions, generateSite } from './fake-jira-server.js';

export interface PacedJiraOptions {
  site: GeneratedSiteOptions;
  /** Agile boards on the site (`GET /rest/agile/1.0/board/{id}/configuration` answers them). */
  boards?: unknown[];
  latencyMs: number;
  rps: number;
}

export interface PacedJiraReport {
  requests: number;
  rateLimited: number;
}

export interface PacedJiraProcess {
  url: string;
  report(): Promise<PacedJiraReport>;
  close(): Promise<void>;
}

type FromChild = { type: 'ready'; url: string } | { type: 'report'; report: PacedJiraReport };

export function startPacedJiraProcess(options: PacedJiraOptions): Promise<PacedJiraProcess> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--serve', JSON.stringify(options)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const nextMessage = <T extends FromChild['type']>(type: T) =>
    new Promise<Extract<FromChild, { type: T }>>((resolve, reject) => {
      const onMessage = (message: FromChild) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as Extract<FromChild, { type: T }>);
      };
      const onExit = (code: number | null) => reject(new Error(`fake Jira process exited (${code})`));
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

async function serve(options: PacedJiraOptions): Promise<void> {
  const stamps: number[] = [];
  const report: PacedJiraReport = { requests: 0, rateLimited: 0 };
  const intercept = async (_req: IncomingMessage, res: ServerResponse) => {
    report.requests++;
    const now = Date.now();
    while (stamps.length && now - (stamps[0] as number) >= 1000) stamps.shift();
    if (options.rps > 0 && stamps.length >= options.rps) {
      report.rateLimited++;
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1', 'ratelimit-reason': 'jira-burst-based' });
      res.end(JSON.stringify({ errorMessages: ['Rate limit exceeded.'], errors: {} }));
      return true;
    }
    stamps.push(now);
    await new Promise((r) => setTimeout(r, options.latencyMs));
    return false;
  };
  const site = { ...generateSite(options.site), boards: { values: options.boards ?? [] } };
  const server = await startJiraSiteServer(site, intercept);
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'report') process.send?.({ type: 'report', report });
  });
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
  process.send?.({ type: 'ready', url: server.url });
}

if (process.argv[2] === '--serve') void serve(JSON.parse(process.argv[3] ?? '{}') as PacedJiraOptions);
