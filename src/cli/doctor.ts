import type { Command } from 'commander';
import { loadConfig } from '../../config/load-config.js';
import { formatChecks } from '../doctor/doctor-check.js';
import { runDoctor } from '../doctor/run-doctor.js';
import { withAdapters } from '../runtime/with-adapters.js';
import { manifestBotScopes } from '../slack/manifest-scopes.js';

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description('Check the live Slack workspace, Jira site and Redis for what a first install trips over; say how to fix each; exit 0 only when all pass')
    .action(async () => {
      const config = loadConfig(process.env);
      const options = { slackRetries: 1, jira: { timeoutMs: 10_000 }, redis: { maxRetriesPerRequest: 1, connectTimeout: 5000, retryStrategy: () => null } };
      await withAdapters(
        config,
        async ({ slack, jira, doctorResults, registeredWebhook }, redis) => {
          const now = new Date();
          const checks = await runDoctor(config, { redis, registeredWebhook, ...(slack ? { slack: slack.web } : {}), ...(jira ? { jira: jira.clients } : {}), manifestScopes: manifestBotScopes(), now });
          process.stdout.write(`${formatChecks(checks)}\n`);
          // App Home shows the team file's people the same checks; without Redis there is nowhere to keep them.
          await doctorResults.save(checks, now).catch(() => undefined);
          process.exitCode = checks.some((c) => c.status === 'fail') ? 1 : 0;
        },
        options,
      );
    });
}
