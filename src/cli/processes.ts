import type { Command } from 'commander';
import { notAvailableYet } from './not-available.js';

export function registerProcesses(program: Command): void {
  program.command('serve').description('Run the Slack app and the Jira webhook receiver').action(() => notAvailableYet('who-owns serve'));
  program.command('work').description('Run the queue workers').action(() => notAvailableYet('who-owns work'));
  program.command('start').description('Run the Slack app and the workers in one process').action(() => notAvailableYet('who-owns start'));
}
