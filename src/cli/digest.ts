import type { Command } from 'commander';
import { notAvailableYet } from './not-available.js';

export function registerDigest(program: Command): void {
  program
    .command('digest')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => notAvailableYet('who-owns digest'));
}
