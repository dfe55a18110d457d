import type { Logger } from '../logger.js';
import type { EventSink, ProcessEvents } from '../ports.js';

export type Reaction<K extends keyof ProcessEvents> = (payload: ProcessEvents[K]) => Promise<unknown>;

/** The process's events: features subscribe where they are wired, use cases emit through EventSink. */
export interface ProcessEventBus extends EventSink {
  on<K extends keyof ProcessEvents>(name: K, reaction: Reaction<K>): void;
}

/**
 * Reactions run side by side; one that fails is logged and never undoes or blocks what
 * caused the event (a recorded decision stays recorded, a sync stays stored).
 */
export function createProcessEvents(logger: Pick<Logger, 'warn'>): ProcessEventBus {
  const subscribed = new Map<keyof ProcessEvents, Reaction<never>[]>();
  return {
    on(name, reaction) {
      subscribed.set(name, [...(subscribed.get(name) ?? []), reaction as Reaction<never>]);
    },
    async emit(name, payload) {
      const results = await Promise.allSettled((subscribed.get(name) ?? []).map((react) => (react as Reaction<typeof name>)(payload)));
      for (const result of results) {
        if (result.status === 'rejected') logger.warn({ event: name, err: result.reason }, 'a reaction to an event failed');
      }
    },
  };
}
