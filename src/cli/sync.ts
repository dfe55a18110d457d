import type { Command } from 'commander';
import { loadConfig } from '../../config/load-config.js';
import { createRedis } from '../store/connection.js';
import { buildSyncDeps, formatSyncSummary, runSyncOnce } from '../sync/sync-service.js';

export function registerSync(program: Command): void {
  program
    .command('sync')
    .description('Sync every team scope from Jira into Redis (incremental when a cursor exists)')
    .requiredOption('--once', 'run one sync of every scope and exit with a one-line summary')
    .option('--full', 'ignore cursors: read everything and remove what Jira no longer has')
    .action(async (options: { once: boolean; full?: boolean }) => {
      const config = loadConfig(process.env);
      const redis = createRedis(config.env.REDIS_URL, { maxRetriesPerRequest: 3, connectTimeout: 5000 });
      redis.on('error', () => {});
      try {
        const run = await runSyncOnce(buildSyncDeps(config, redis), options.full ? 'full' : 'incremental');
        process.stdout.write(`${formatSyncSummary(run)}\n`);
        if (run.scopes.some((s) => s.error)) process.exitCode = 1;
      } finally {
        redis.disconnect();
      }
    });
}
