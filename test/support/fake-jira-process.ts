/**
 * A paced fake Jira Cloud in a process of its own, for benchmarks (see service-process.ts).
 * Jira-like pacing: a sliding one-second window of `rps` requests, 429 (`Retry-After: 1`,
 * `RateLimit-Reason: jira-burst-based`) beyond it, `latencyMs` on every answered request.
 * `report` gives the requests seen, when each arrived, and how many were answered 429.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startJiraSiteServer } from '../../src/demo/sample-jira-server.js';
import { type GeneratedSiteOptions, generateSite } from './fake-jira-server.js';
import { type ServiceProcess, serveInProcess, startServiceProcess } from './service-process.js';

export interface PacedJiraOptions {
  site: GeneratedSiteOptions;
  /** More projects on the same site (one no team claims, say). */
  more?: GeneratedSiteOptions[];
  /** Agile boards on the site (`GET /rest/agile/1.0/board/{id}/configuration` answers them). */
  boards?: unknown[];
  latencyMs: number;
  /** Requests answered per sliding second before 429s; 0 answers all. */
  rps: number;
}

export interface PacedJiraReport {
  requests: number;
  rateLimited: number;
  /** Date.now() of every request's arrival, in order. */
  arrivals: number[];
}

export type PacedJiraProcess = ServiceProcess<PacedJiraReport>;

export function startPacedJiraProcess(options: PacedJiraOptions): Promise<PacedJiraProcess> {
  return startServiceProcess<PacedJiraReport>(fileURLToPath(import.meta.url), options);
}

async function serve(options: PacedJiraOptions): Promise<void> {
  const stamps: number[] = [];
  const report: PacedJiraReport = { requests: 0, rateLimited: 0, arrivals: [] };
  const intercept = async (_req: IncomingMessage, res: ServerResponse) => {
    report.requests++;
    const now = Date.now();
    report.arrivals.push(now);
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
  for (const more of options.more ?? []) site.issues.push(...generateSite(more).issues);
  const server = await startJiraSiteServer(site, intercept);
  serveInProcess(server.url, () => report, () => server.close());
}

if (process.argv[2] === '--serve') void serve(JSON.parse(process.argv[3] ?? '{}') as PacedJiraOptions);
