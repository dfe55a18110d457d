/**
 * The digest worker and the notify worker in one process, wired as `who-owns work` wires them
 * (digests go out through the outbox), for fault tests that kill it with SIGKILL. On start it
 * catches up the current period's digests, as the worker process does.
 * Usage: tsx test/support/digest-worker-process.ts '<json: {redisUrl, prefix, slackApiUrl, teams, now, lockMs?, intervalMs?}>'
 * Stdin: a line `now <ISO instant>` moves the process's clock (a new period begins); it answers `clock <ISO>`. It exits when its stdin closes.
 */
import { createInterface } from 'node:readline';
import { Queue } from 'bullmq';
import { catchUpDigests } from '../../src/digest/digest-catch-up.js';
import type { TeamProfile } from '../../src/domain/team.js';
import { QUEUES } from '../../src/queue/queues.js';
import { buildAdapters } from '../../src/runtime/adapters.js';
import { createRedis } from '../../src/store/connection.js';
import { testConfig } from './test-process.js';
import { createDigestWorker } from '../../workers/digest.worker.js';
import { startNotifyWorker } from '../../workers/notify.worker.js';

const settings = JSON.parse(process.argv[2] ?? '{}') as { redisUrl: string; prefix: string; slackApiUrl: string; teams: TeamProfile[]; now: string; lockMs?: number; intervalMs?: number };
let now = new Date(settings.now);
const clock = { now: () => now };
const lock = settings.lockMs ?? 1000;
const { prefix, teams } = settings;
const redis = createRedis(settings.redisUrl);
const config = testConfig(settings.redisUrl, { env: { REDIS_PREFIX: prefix, SLACK_BOT_TOKEN: 'xoxb-fault', SLACK_API_URL: settings.slackApiUrl }, teams });
const adapters = buildAdapters(config, redis, { queue: (name) => new Queue(name, { connection: redis, prefix }) });
const { outbox, digestLedger: ledger, items, decisions } = adapters;
const notify = startNotifyWorker({
  connection: createRedis(settings.redisUrl),
  prefix,
  outbox,
  redis,
  slack: adapters.slack!.delivery,
  perChannelIntervalMs: settings.intervalMs ?? 20,
  retryBaseMs: 20,
  lockDurationMs: lock,
  channelLockMs: lock,
  repairEveryMs: 200,
});
const digest = createDigestWorker({
  connection: createRedis(settings.redisUrl),
  prefix,
  deps: { teams, items, decisions, outbox, ledger, clock },
  lockDurationMs: lock,
});

await Promise.all([notify.waitUntilReady(), digest.waitUntilReady()]);
await catchUpDigests(new Queue(QUEUES.digest, { connection: redis, prefix }), teams, ledger, clock.now());
process.stdout.write('ready\n');

createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, value] = line.trim().split(/\s+/);
  if (command !== 'now' || !value) return;
  now = new Date(value);
  process.stdout.write(`clock ${now.toISOString()}\n`);
});
// The test runner going away closes stdin: leave no worker behind.
process.stdin.on('end', () => process.exit(0));
process.on('SIGTERM', () => {
  void Promise.all([digest.close(), notify.close()]).then(() => process.exit(0));
});
