import type { Command } from 'commander';
import { loadConfig } from '../../config/load-config.js';
import type { Config } from '../../config/schema.js';
import { count } from '../domain/plural.js';
import { QUEUES } from '../queue/queues.js';
import { buildRuntime } from '../runtime/build-runtime.js';
import { wireFeatures } from '../runtime/features.js';
import { ONE_SHOT_REDIS } from '../runtime/with-adapters.js';
import { formatSyncSummary, runSyncOnce } from '../sync/sync-service.js';
import { syncDepsFrom } from '../sync/wire.js';

/** Who hears about items that newly need attention after a one-shot sync. */
interface NudgeHandOff {
  /** Items per team (teams that nudge) whose verdict newly needs attention. */
  attention: Map<string, number>;
  /** A Slack token is set, so the sweeps were queued for a `work` or `start` process. */
  queued: boolean;
  /** A process is taking nudge sweeps from the queue right now. */
  workerRunning: boolean;
}

/** The summary's line about nudges; none when nothing newly needs attention. */
function nudgeLine({ attention, queued, workerRunning }: NudgeHandOff): string | undefined {
  const total = [...attention.values()].reduce((n, k) => n + k, 0);
  if (total === 0) return undefined;
  const head = `  nudges: ${count(total, 'item')} newly ${total === 1 ? 'needs' : 'need'} attention (${[...attention].map(([team, n]) => `${team} ${n}`).join(', ')})`;
  if (!queued) return `${head}; none sent: SLACK_BOT_TOKEN is not set`;
  if (workerRunning) return `${head}; the running who-owns process nudges about them now (within the teams' working hours)`;
  return `${head}; queued, but no who-owns start or work process is running: the nudges go out when one starts`;
}

/**
 * One sync of every scope, followed by what a running process does after its own syncs: the
 * runtime is built and the features wired as in a process, so every reaction to a sync runs
 * (each team's nudge sweep is queued for the items that newly need attention, acceptance
 * reminders drop items handled in Jira…); no worker or listener starts. Nothing is posted
 * from here: a `work` or `start` process sends what was queued. Without a Slack token nothing
 * is queued, and the summary says who would have been nudged.
 */
async function syncOnce(config: Config, mode: 'full' | 'incremental'): Promise<void> {
  const rt = buildRuntime(config, { logDestination: process.stderr, redis: ONE_SHOT_REDIS });
  try {
    const teams = config.teams.teams;
    const attention = new Map<string, number>();
    rt.events.on('itemsNeedAttention', async ({ teamId, keys }) => {
      if (teams.find((t) => t.id === teamId)?.nudges.enabled) attention.set(teamId, (attention.get(teamId) ?? 0) + keys.length);
    });
    wireFeatures(rt);
    const run = await runSyncOnce(syncDepsFrom(rt.adapters, config, rt.clock, rt.events), mode);
    // Nudges go out through Slack: without a token the nudges feature brings nothing.
    const queued = Boolean(rt.adapters.slack);
    const workerRunning = queued && attention.size > 0 ? (await rt.queue(QUEUES.nudges).getWorkers()).length > 0 : false;
    const nudging = nudgeLine({ attention, queued, workerRunning });
    process.stdout.write(`${formatSyncSummary(run)}\n${nudging ? `${nudging}\n` : ''}`);
    if (run.scopes.some((s) => s.error)) process.exitCode = 1;
  } finally {
    await rt.close();
  }
}

export function registerSync(program: Command): void {
  program
    .command('sync')
    .description('Sync every team scope from Jira into Redis (incremental when a cursor exists)')
    .requiredOption('--once', 'run one sync of every scope and exit with a one-line summary; nudges and reminder edits are queued for the running process')
    .option('--full', 'ignore cursors: read everything and remove what Jira no longer has')
    .action(async (options: { once: boolean; full?: boolean }) => {
      await syncOnce(loadConfig(process.env), options.full ? 'full' : 'incremental');
    });
}
