import type { Command } from 'commander';
import { notAvailableYet } from './not-available.js';

export function registerClassify(program: Command): void {
  program
    .command('classify')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => notAvailableYet('who-owns classify'));
}
