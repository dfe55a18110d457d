import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../../config/schema.js';
import type { TeamProfile } from '../../src/domain/team.js';
import type { QueueName } from '../../src/queue/queues.js';
import { type AdapterOptions, type Adapters, buildAdapters } from '../../src/runtime/adapters.js';
import { testConfig } from './test-process.js';

export interface TestAdapters {
  adapters: Adapters;
  config: Config;
  queue(name: QueueName): Queue;
  close(): Promise<void>;
}

/**
 * The adapters of a process, built by the production factory on a test Redis connection:
 * what a service-level test uses instead of constructing stores itself.
 */
export interface TestAdapterOptions {
  prefix: string;
  teams?: TeamProfile[] | ((teams: TeamProfile[]) => TeamProfile[]);
  env?: Record<string, string>;
  teamFile?: string;
  jira?: AdapterOptions['jira'];
}

export function testAdapters(redis: Redis, options: TestAdapterOptions): TestAdapters {
  const config = testConfig('redis://127.0.0.1:6379', {
    env: { REDIS_PREFIX: options.prefix, ...options.env },
    ...(options.teams ? { teams: options.teams } : {}),
    ...(options.teamFile ? { teamFile: options.teamFile } : {}),
  });
  const queues = new Map<QueueName, Queue>();
  const queue = (name: QueueName) => {
    const found = queues.get(name) ?? new Queue(name, { connection: redis, prefix: options.prefix });
    queues.set(name, found);
    return found;
  };
  return {
    adapters: buildAdapters(config, redis, { queue, slackRetries: 0, ...(options.jira ? { jira: options.jira } : {}) }),
    config,
    queue,
    async close() {
      await Promise.allSettled([...queues.values()].map((q) => q.close()));
    },
  };
}
