import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Timed start-up and crash tests run alone, in the fault suite (vitest.faults.config.ts).
    exclude: ['test/faults/**', 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Most files spend their time waiting on child processes (redis-server, the CLI, fake Jira),
    // so two run at once even on two cores, where vitest's default (cores - 1) runs them one by one.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
