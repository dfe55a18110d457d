import { Writable } from 'node:stream';
import { loadConfig } from '../../config/load-config.js';
import type { Config } from '../../config/schema.js';
import type { TeamProfile } from '../../src/domain/team.js';
import { createLogger, type Logger } from '../../src/logger.js';
import type { Clock } from '../../src/ports.js';
import type { QueueName } from '../../src/queue/queues.js';
import type { Runtime } from '../../src/runtime/build-runtime.js';
import { type RunningProcess, runProcess } from '../../src/runtime/run-process.js';

/** How a test process differs from production: its environment, team file and clock. */
export interface TestProcessOptions {
  /** Environment on top of REDIS_URL (e.g. SLACK_API_URL, JIRA_BASE_URL of the fakes). */
  env: Record<string, string>;
  /** Team file (default samples/who-owns.yaml); `teams` replaces or edits its teams. */
  teamFile?: string;
  teams?: TeamProfile[] | ((teams: TeamProfile[]) => TeamProfile[]);
  serve?: boolean;
  work?: boolean;
  queues?: readonly QueueName[];
  clock?: Clock;
  logger?: Logger;
}

/** A process assembled exactly as `who-owns serve|work|start` assembles it, on loopback. */
export interface TestProcess {
  running: RunningProcess;
  runtime: Runtime;
  config: Config;
  /** POST /slack/events of this process. */
  slackUrl: string;
  /** Base URL of the process's HTTP server. */
  base: string;
  stop(): Promise<void>;
}

/** The configuration a test process runs with: the team file's teams, replaced or edited. */
export function testConfig(redisUrl: string, options: Pick<TestProcessOptions, 'env' | 'teamFile' | 'teams'>): Config {
  const config = loadConfig({ REDIS_URL: redisUrl, ...options.env }, options.teamFile ?? 'samples/who-owns.yaml');
  if (!options.teams) return config;
  const teams = typeof options.teams === 'function' ? options.teams(config.teams.teams) : options.teams;
  return { ...config, teams: { ...config.teams, teams } };
}

function quietLogger(): Logger {
  return createLogger({ level: 'warn', destination: new Writable({ write: (_chunk, _enc, done) => done() }) });
}

/** Starts `serve` (default), `work` or both (`start`) in this process, with production wiring. */
export async function startTestProcess(redisUrl: string, options: TestProcessOptions): Promise<TestProcess> {
  const config = testConfig(redisUrl, options);
  const running = await runProcess(config, {
    serve: options.serve ?? true,
    work: options.work ?? false,
    port: 0,
    host: '127.0.0.1',
    handleSignals: false,
    slackRetries: 0,
    logger: options.logger ?? quietLogger(),
    ...(options.queues ? { queues: options.queues } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const base = `http://127.0.0.1:${running.port}`;
  return {
    running,
    runtime: running.runtime,
    config,
    base,
    slackUrl: `${base}/slack/events`,
    async stop() {
      await running.stop();
    },
  };
}
