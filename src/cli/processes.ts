import { type Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../../config/load-config.js';
import { QUEUES, type QueueName } from '../queue/queues.js';
import { runProcess } from '../runtime/run-process.js';

const QUEUE_NAMES = Object.values(QUEUES) as QueueName[];

function parseQueues(value: string): QueueName[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !QUEUE_NAMES.includes(n as QueueName));
  if (unknown.length > 0 || names.length === 0) {
    throw new InvalidArgumentError(`unknown queue(s) ${unknown.join(', ') || '(none given)'}; choose from ${QUEUE_NAMES.join(', ')}`);
  }
  return names as QueueName[];
}

/** Runs until SIGTERM/SIGINT, then exits with the shutdown's code. Config problems exit 2 (via main). */
async function run(options: { serve: boolean; work: boolean; queues?: QueueName[]; port?: number }): Promise<void> {
  const config = loadConfig(process.env);
  const running = await runProcess(config, options);
  const code = await running.done;
  process.exitCode = code;
  // Anything a library left open (a stray timer or socket) must not keep a stopped process alive.
  setTimeout(() => process.exit(code), 2000).unref();
}

export function registerProcesses(program: Command): void {
  const port = (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port is a number 0–65535');
    return n;
  };
  program
    .command('serve')
    .description('Run the Slack app and the Jira webhook receiver on PORT, with /healthz, /readyz and /metrics')
    .option('--port <port>', 'listen here instead of $PORT', port)
    .action((opts: { port?: number }) => run({ serve: true, work: false, port: opts.port }));
  program
    .command('work')
    .description(`Run the queue workers and their schedules; /healthz, /readyz and /metrics on PORT (queues: ${QUEUE_NAMES.join(', ')})`)
    .option('--queues <list>', 'comma-separated queues to work on (default: all)', parseQueues)
    .option('--port <port>', 'listen here instead of $PORT', port)
    .action((opts: { queues?: QueueName[]; port?: number }) => run({ serve: false, work: true, queues: opts.queues, port: opts.port }));
  program
    .command('start')
    .description('Run the Slack app and all workers in one process (small teams)')
    .option('--port <port>', 'listen here instead of $PORT', port)
    .action((opts: { port?: number }) => run({ serve: true, work: true, port: opts.port }));
}
