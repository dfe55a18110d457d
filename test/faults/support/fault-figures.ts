import type { TaskMeta } from 'vitest';

/**
 * What a fault test did and what it found, attached to the test's result (vitest `task.meta`)
 * so `npm run docs:reliability` can print it in docs/reliability.md.
 */
export interface FaultFigures {
  /** Independent runs (e.g. SIGKILL trials, malformed records). */
  trials: number;
  /** Faults injected across all trials (kills, restarts, error answers, bad inputs). */
  faultsInjected: number;
  /** Units of work checked at the end (items, jobs, messages). */
  checked?: number;
  /** Of those, missing at the end. */
  lost?: number;
  /** Of those, done more than once. */
  duplicated?: number;
  /** One sentence on the fault and the check, for the page. */
  detail?: string;
}

declare module 'vitest' {
  interface TaskMeta {
    fault?: FaultFigures;
  }
}

export function recordFaultFigures(task: { meta: TaskMeta }, figures: FaultFigures): void {
  task.meta.fault = figures;
}
