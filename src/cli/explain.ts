import type { Command } from 'commander';
import { notAvailableYet } from './not-available.js';

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => notAvailableYet('who-owns explain'));
}
