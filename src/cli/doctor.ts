import { cliSlackClient } from './cli-slack-client.js';
import type { Command } from 'commander';
import { loadConfig } from '../../config/load-config.js';
import { formatChecks } from '../doctor/doctor-check.js';
import { runDoctor } from '../doctor/run-doctor.js';
import { createJiraClients, jiraSiteFromEnv } from '../jira/jira-clients.js';
import { manifestBotScopes } from '../slack/manifest-scopes.js';
import { createRedis } from '../store/connection.js';

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description('Check the live Slack workspace, Jira site and Redis for what a first install trips over; say how to fix each; exit 0 only when all pass')
    .action(async () => {
      const config = loadConfig(process.env);
      const { env } = config;
      const redis = createRedis(env.REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 5000, retryStrategy: () => null });
      redis.on('error', () => {});
      const site = jiraSiteFromEnv(env);
      const slack = cliSlackClient(env);
      try {
        const checks = await runDoctor(config, { redis, ...(slack ? { slack } : {}), ...(site ? { jira: createJiraClients({ ...site, timeoutMs: 10_000 }) } : {}), manifestScopes: manifestBotScopes(), now: new Date() });
        process.stdout.write(`${formatChecks(checks)}\n`);
        process.exitCode = checks.some((c) => c.status === 'fail') ? 1 : 0;
      } finally {
        redis.disconnect();
      }
    });
}
