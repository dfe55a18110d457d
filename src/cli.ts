import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/load-config.js';
import { registerClassify } from './cli/classify.js';
import { registerConfigCheck } from './cli/config-check.js';
import { registerDemo } from './cli/demo.js';
import { registerDigest } from './cli/digest.js';
import { registerDoctor } from './cli/doctor.js';
import { registerExplain } from './cli/explain.js';
import { registerInit } from './cli/init.js';
import { registerProcesses } from './cli/processes.js';
import { registerSync } from './cli/sync.js';

/** Exit codes: 0 ok, 1 runtime failure, 2 bad configuration or usage. */
export const EXIT_CONFIG = 2;

export function buildProgram(): Command {
  const program = new Command('who-owns')
    .description('Tells who owns each Jira item — the Product Owner, the Product Manager, or nobody yet — and says so in Slack.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerDemo(program);
  registerClassify(program);
  registerExplain(program);
  registerInit(program);
  registerConfigCheck(program);
  registerDoctor(program);
  registerDigest(program);
  registerSync(program);
  registerProcesses(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? 0 : EXIT_CONFIG;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`who-owns: the configuration has ${error.problems.length} problem(s):\n${error.message}\n`);
      return EXIT_CONFIG;
    }
    process.stderr.write(`who-owns: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
