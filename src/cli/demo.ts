import type { Command } from 'commander';
import { runDemo } from '../demo/run-demo.js';
import { runWhoOwnsPrompt } from '../demo/who-owns-prompt.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'Run the whole pipeline on the bundled sample backlog (no Slack, Jira or Redis needed): ownership per team, nudges, weekly digests and acceptance reminders; then, in a terminal, a prompt that answers /who-owns like the Slack command',
    )
    .option('--no-prompt', 'do not offer the /who-owns prompt afterwards')
    .action(async (options: { prompt: boolean }) => {
      const data = await runDemo((text) => process.stdout.write(text));
      if (options.prompt && process.stdin.isTTY) await runWhoOwnsPrompt(data, process.stdin, process.stdout);
    });
}
