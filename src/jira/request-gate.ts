import { classifyJiraError, type JiraFailure, JiraRequestError } from './jira-errors.js';
import { type PointsBudget, pointsOf } from './points-budget.js';

export interface RequestGateOptions {
  /** Requests in flight at once. */
  maxConcurrency: number;
  /** Requests started per second (a sliding one-second window; Jira's limit allows such bursts). */
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

/**
 * Share of the window kept free: a request arrives a little after the gate lets it go (event
 * loop, network), so the site's clock can see a few more in its second than the gate did.
 * It starts small and widens with each 429 the site still answers, then narrows again after
 * a run of requests without one: the margin the site and network need, and no more.
 */
const MARGIN = { start: 0.04, step: 0.04, most: 0.2, narrowAfter: 200 };

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
  /** Start times of recent requests, oldest first. */
  private readonly starts: number[] = [];
  private pausedUntil = 0;
  private margin = MARGIN.start;
  private sinceRateLimited = 0;
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
        if (failure.kind === 'rate-limited') this.rateLimited();
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

  private rateLimited(): void {
    this.stats.rateLimited++;
    this.margin = Math.min(MARGIN.most, this.margin + MARGIN.step);
    this.sinceRateLimited = 0;
  }

  private spend(points: number, lane: 'interactive' | 'background', reserved: number): void {
    this.stats.points += points;
    if (lane === 'background') this.options.budget?.settleBackground(points, reserved);
    else this.options.budget?.record(points);
    this.options.onPoints?.(points, lane);
  }

  /** Waits for a free slot and a rate token; returns the slot's release. */
  private async acquire(): Promise<() => void> {
    while (this.active >= this.options.maxConcurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.active++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
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
        if (wait <= 0) return release;
        await this.options.sleep(wait);
      }
    } catch (error) {
      release();
      throw error;
    }
  }

  /**
   * A sliding window: at most `capacity` starts in any `window` ms (10 per second by default),
   * with the margin so timer and network jitter do not push the site over its limit.
   * Returns 0 and records the start when one is allowed, else how long to wait.
   */
  private rateWait(now: number): number {
    const capacity = Math.max(1, Math.floor(this.options.maxPerSecond));
    const window = (capacity / this.options.maxPerSecond) * 1000 * (1 + this.margin);
    while (this.starts.length && now - (this.starts[0] as number) >= window) this.starts.shift();
    if (this.starts.length < capacity) {
      this.starts.push(now);
      if (++this.sinceRateLimited >= MARGIN.narrowAfter) {
        this.margin = Math.max(MARGIN.start, this.margin - MARGIN.step);
        this.sinceRateLimited = 0;
      }
      return 0;
    }
    return Math.max(1, Math.ceil(window - (now - (this.starts[0] as number))));
  }
}
