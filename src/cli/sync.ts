import type { Command } from 'commander';
import { notAvailableYet } from './not-available.js';

export function registerSync(program: Command): void {
  program
    .command('sync')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => notAvailableYet('who-owns sync'));
}
