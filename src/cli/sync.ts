import type { Command } from 'commander';
import { loadConfig } from '../../config/load-config.js';
import { systemClock } from '../ports.js';
import { formatSyncSummary, runSyncOnce } from '../sync/sync-service.js';
import { syncDepsFrom } from '../sync/wire.js';
import { withAdapters } from '../runtime/with-adapters.js';

export function registerSync(program: Command): void {
  program
    .command('sync')
    .description('Sync every team scope from Jira into Redis (incremental when a cursor exists)')
    .requiredOption('--once', 'run one sync of every scope and exit with a one-line summary')
    .option('--full', 'ignore cursors: read everything and remove what Jira no longer has')
    .action(async (options: { once: boolean; full?: boolean }) => {
      const config = loadConfig(process.env);
      await withAdapters(config, async (adapters) => {
        const run = await runSyncOnce(syncDepsFrom(adapters, config, systemClock), options.full ? 'full' : 'incremental');
        process.stdout.write(`${formatSyncSummary(run)}\n`);
        if (run.scopes.some((s) => s.error)) process.exitCode = 1;
      });
    });
}
