import { classifyJiraError, type JiraFailure, JiraRequestError } from './jira-errors.js';
import { type PointsBudget, pointsOf } from './points-budget.js';

export interface RequestGateOptions {
  /** Requests in flight at once. */
  maxConcurrency: number;
  /** Requests Jira may see in any one second (a sliding window; Jira's limit allows such bursts). */
  maxPerSecond: number;
  /** Attempts per request for rate limits and transient failures. */
  maxAttempts?: number;
  /** First backoff when Jira gives no Retry-After (or 0); doubles per attempt, with jitter. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told about every failed attempt (metrics, logs). */
  onFailure?: (operation: string, failure: JiraFailure, attempt: number) => void;
  /** Jira Cloud's hourly points quota (JIRA_POINTS_PER_HOUR); every call is counted against it. */
  budget?: PointsBudget;
  /** Told the points of every answered call (metrics). */
  onPoints?: (points: number, lane: 'interactive' | 'background') => void;
}

export interface GateStats {
  requests: number;
  rateLimited: number;
  retries: number;
  /** Points spent as Jira Cloud counts them (1 per call, plus 1 per object a read returns). */
  points: number;
}

export interface RunOptions {
  /** Writes cost the base point only, whatever they answer. */
  write?: boolean;
}

/** What callers need of a gate: the site's gate itself, or its background lane. */
export interface JiraGate {
  run<T>(operation: string, call: () => Promise<T>, options?: RunOptions): Promise<T>;
  readonly stats: GateStats;
  readonly maxConcurrency: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Every Jira call goes through one gate per site: it keeps to the configured concurrency and
 * request rate (a sliding window), waits out 429/503 as Jira asks (`Retry-After`, or jittered exponential backoff
 * when it says 0 or nothing), retries transient errors a bounded number of times, and turns
 * what retrying cannot fix into a JiraRequestError that names the fix.
 */
export class RequestGate implements JiraGate {
  readonly stats: GateStats = { requests: 0, rateLimited: 0, retries: 0, points: 0 };
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** Requests that may still fall in Jira's current window: when each was answered (Infinity while in flight). */
  private readonly recent: { answeredAt: number }[] = [];
  /** Waiting for a request in flight to be answered, when every place in the window is taken. */
  private readonly answerWaiters: (() => void)[] = [];
  private pausedUntil = 0;
  private readonly options: Required<Omit<RequestGateOptions, 'onFailure' | 'budget' | 'onPoints'>> & Pick<RequestGateOptions, 'onFailure' | 'budget' | 'onPoints'>;

  get maxConcurrency(): number {
    return this.options.maxConcurrency;
  }

  constructor(options: RequestGateOptions) {
    this.options = {
      maxAttempts: 8,
      baseBackoffMs: 500,
      maxBackoffMs: 60_000,
      sleep: defaultSleep,
      random: Math.random,
      ...options,
    };
  }

  /** The same gate for background work (sync): it also waits for the points budget's background share. */
  background(): JiraGate {
    const budget = this.options.budget;
    return {
      run: async (operation, call, options) => this.runIn('background', operation, call, options, (await budget?.reserveBackground()) ?? 0),
      stats: this.stats,
      maxConcurrency: this.maxConcurrency,
    };
  }

  run<T>(operation: string, call: () => Promise<T>, options: RunOptions = {}): Promise<T> {
    return this.runIn('interactive', operation, call, options, 0);
  }

  /** `reserved`: points the budget counted before the call (background lane); the rest is recorded once known. */
  private async runIn<T>(lane: 'interactive' | 'background', operation: string, call: () => Promise<T>, options: RunOptions = {}, reserved = 0): Promise<T> {
    let unsettled = reserved;
    const spend = (points: number) => {
      this.spend(points, lane, unsettled);
      unsettled = 0;
    };
    for (let attempt = 1; ; attempt++) {
      let wait: number;
      const release = await this.acquire();
      try {
        this.stats.requests++;
        const result = await call();
        spend(pointsOf(result, options.write));
        return result;
      } catch (error) {
        const failure = classifyJiraError(error);
        // A refused call still cost Jira its base point.
        if (failure.status !== undefined) spend(1);
        this.options.onFailure?.(operation, failure, attempt);
        const retryable = failure.kind === 'rate-limited' || failure.kind === 'transient';
        if (!retryable || attempt >= this.options.maxAttempts) throw new JiraRequestError(operation, failure);
        if (failure.kind === 'rate-limited') this.stats.rateLimited++;
        this.stats.retries++;
        const backoff = Math.min(this.options.maxBackoffMs, this.options.baseBackoffMs * 2 ** (attempt - 1));
        wait = failure.retryAfterMs ?? backoff / 2 + this.options.random() * (backoff / 2);
        // A rate limit applies to the whole site: every caller waits, not just this one.
        if (failure.kind === 'rate-limited') this.pausedUntil = Math.max(this.pausedUntil, Date.now() + wait);
      } finally {
        release();
      }
      await this.options.sleep(wait);
    }
  }

  private spend(points: number, lane: 'interactive' | 'background', reserved: number): void {
    this.stats.points += points;
    if (lane === 'background') this.options.budget?.settleBackground(points, reserved);
    else this.options.budget?.record(points);
    this.options.onPoints?.(points, lane);
  }

  /** Waits for a free slot and a place in the rate window; returns the slot's release, to call once Jira has answered. */
  private async acquire(): Promise<() => void> {
    while (this.active >= this.options.maxConcurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.active++;
    let place: { answeredAt: number } | undefined;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      if (place) place.answeredAt = Date.now();
      for (const wake of this.answerWaiters.splice(0)) wake();
      this.active--;
      this.waiting.shift()?.();
    };
    try {
      for (;;) {
        const pause = this.pausedUntil - Date.now();
        if (pause > 0) {
          await this.options.sleep(pause);
          continue;
        }
        const wait = this.rateWait(Date.now());
        if (typeof wait === 'object') {
          place = wait;
          return release;
        }
        if (wait === Number.POSITIVE_INFINITY) await new Promise<void>((resolve) => this.answerWaiters.push(resolve));
        else await this.options.sleep(wait);
      }
    } catch (error) {
      release();
      throw error;
    }
  }

  /**
   * Jira counts a request when it arrives, which is some time after the gate lets it go and
   * before its answer comes back: on a busy machine the send, or the reading on Jira's side,
   * can lag by hundreds of milliseconds. So a request holds its place in the window from the
   * moment it is let go until a full window after it was answered; then no window of Jira's
   * can see more than `capacity` requests, however the sends bunch up. The cost is the
   * request's latency on top of each window.
   * Returns the new request's place when one is free, else how long to wait (Infinity: until
   * a request in flight is answered).
   */
  private rateWait(now: number): { answeredAt: number } | number {
    const capacity = Math.max(1, Math.floor(this.options.maxPerSecond));
    const window = (capacity / this.options.maxPerSecond) * 1000;
    let soonest = Number.POSITIVE_INFINITY;
    for (let i = this.recent.length - 1; i >= 0; i--) {
      const answeredAt = (this.recent[i] as { answeredAt: number }).answeredAt;
      if (now - answeredAt >= window) this.recent.splice(i, 1);
      else soonest = Math.min(soonest, answeredAt + window - now);
    }
    if (this.recent.length < capacity) {
      const place = { answeredAt: Number.POSITIVE_INFINITY };
      this.recent.push(place);
      return place;
    }
    return Number.isFinite(soonest) ? Math.max(1, Math.ceil(soonest)) : Number.POSITIVE_INFINITY;
  }
}
