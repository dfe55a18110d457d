import type { Command } from 'commander';
import { runDemo } from '../demo/run-demo.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Run the whole pipeline on the bundled sample backlog (no Slack, Jira or Redis needed): ownership per team, nudges, weekly digests and acceptance reminders; then, in a terminal, a /who-owns prompt')
    .option('--no-prompt', 'do not offer the /who-owns prompt afterwards')
    .action(async (options: { prompt: boolean }) => {
      await runDemo((text) => process.stdout.write(text));
      void options;
    });
}
