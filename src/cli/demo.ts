import type { Command } from 'commander';
import { notAvailableYet } from './not-available.js';

export function registerDemo(program: Command): void {
  program.command('demo').description('Run the whole pipeline on the bundled sample backlog').action(() => notAvailableYet('who-owns demo'));
}
