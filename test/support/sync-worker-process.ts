/**
 * A sync worker in its own process, wired from configuration as `who-owns work` wires it, for
 * tests that kill it with SIGKILL or run two against one Jira.
 * Usage: tsx test/support/sync-worker-process.ts '<json: {redisUrl, prefix, jiraUrl, teamFile, deployment?, maxRps?, lockMs?, pointsPerHour?}>'
 * Exits when its stdin closes (the test that started it is gone).
 */
import { Queue } from 'bullmq';
import { loadConfig } from '../../config/load-config.js';
import { systemClock } from '../../src/ports.js';
import { buildAdapters } from '../../src/runtime/adapters.js';
import { createRedis } from '../../src/store/connection.js';
import { syncDepsFrom } from '../../src/sync/wire.js';
import { startSyncWorker } from '../../workers/sync.worker.js';

const settings = JSON.parse(process.argv[2] ?? '{}') as { redisUrl: string; prefix: string; jiraUrl: string; teamFile: string; deployment?: 'cloud' | 'datacenter'; maxRps?: number; lockMs?: number; pointsPerHour?: number };
const credentials = settings.deployment === 'datacenter' ? { JIRA_PAT: 'fault-pat-123' } : { JIRA_EMAIL: 'bot@example.com', JIRA_API_TOKEN: 'fault-token-123' };
const config = loadConfig(
  {
    REDIS_URL: settings.redisUrl,
    REDIS_PREFIX: settings.prefix,
    WHO_OWNS_CONFIG: settings.teamFile,
    JIRA_BASE_URL: settings.jiraUrl,
    JIRA_DEPLOYMENT: settings.deployment ?? 'cloud',
    JIRA_MAX_RPS: String(settings.maxRps ?? 50),
    ...(settings.pointsPerHour ? { JIRA_POINTS_PER_HOUR: String(settings.pointsPerHour) } : {}),
    ...credentials,
  },
  settings.teamFile,
);
const redis = createRedis(settings.redisUrl);
const adapters = buildAdapters(config, redis, { queue: (name) => new Queue(name, { connection: redis, prefix: settings.prefix }) });
const worker = startSyncWorker(syncDepsFrom(adapters, config, systemClock), createRedis(settings.redisUrl), settings.prefix, { lockDurationMs: settings.lockMs ?? 1000 });
worker.on('ready', () => process.stdout.write('ready\n'));
// The test runner going away closes stdin: leave no worker behind.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
process.on('SIGTERM', () => {
  void worker.close().then(() => process.exit(0));
});
