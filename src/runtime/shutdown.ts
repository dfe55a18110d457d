import type { Logger } from '../logger.js';

export interface ShutdownStep {
  name: string;
  run(): Promise<void>;
}

export interface ShutdownOptions {
  logger: Logger;
  /** Run in order: stop intake (HTTP, workers) first, Redis last. */
  steps: ShutdownStep[];
  /** Give up waiting for running jobs after this long and exit anyway (default 30 s). */
  timeoutMs?: number;
  signals?: NodeJS.Signals[];
  exit?: (code: number) => void;
}

export interface ShutdownHandle {
  /** Resolves with the exit code once every step ran (or the timeout hit). */
  done: Promise<number>;
  /** Starts shutdown as if a signal arrived (tests, fatal errors). */
  trigger(reason: string): Promise<number>;
  /** Removes the signal listeners (tests). */
  dispose(): void;
}

/**
 * Graceful shutdown on SIGTERM/SIGINT: run each step in order, then resolve. A second
 * signal exits at once with code 130, for an operator who really wants it gone.
 */
export function installShutdown(options: ShutdownOptions): ShutdownHandle {
  const { logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  let started: Promise<number> | undefined;
  let resolveDone: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => {
    resolveDone = resolve;
  });

  async function runSteps(): Promise<number> {
    let code = 0;
    for (const step of options.steps) {
      const began = Date.now();
      try {
        await step.run();
        logger.info({ step: step.name, ms: Date.now() - began }, 'shutdown step done');
      } catch (error) {
        code = 1;
        logger.error({ step: step.name, err: error }, 'shutdown step failed');
      }
    }
    return code;
  }

  function trigger(reason: string): Promise<number> {
    if (started) return started;
    logger.info({ reason }, 'shutting down: no new requests or jobs; finishing running jobs');
    const timeoutMs = options.timeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        logger.error({ timeoutMs }, 'shutdown took too long; exiting (unfinished jobs return to the queue when their lock expires)');
        resolve(1);
      }, timeoutMs);
      timer.unref();
    });
    started = Promise.race([runSteps(), timeout]).then((code) => {
      clearTimeout(timer);
      logger.info({ code }, 'shutdown complete');
      resolveDone(code);
      return code;
    });
    return started;
  }

  function onSignal(signal: NodeJS.Signals): void {
    if (started) {
      logger.warn({ signal }, 'second signal: exiting now');
      exit(130);
      return;
    }
    void trigger(signal);
  }
  for (const signal of signals) process.on(signal, onSignal);

  return {
    done,
    trigger,
    dispose() {
      for (const signal of signals) process.off(signal, onSignal);
    },
  };
}

/** Logs unhandled rejections and uncaught exceptions; an uncaught exception then shuts down. */
export function installProcessHandlers(logger: Logger, onFatal: (reason: string) => void): () => void {
  const onRejection = (reason: unknown) => logger.error({ err: reason }, 'unhandled promise rejection');
  const onException = (error: Error) => {
    logger.fatal({ err: error }, 'uncaught exception; shutting down');
    onFatal('uncaughtException');
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
