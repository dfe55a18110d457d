import { classifyJiraError, type JiraFailure, JiraRequestError } from './jira-errors.js';

export interface RequestGateOptions {
  /** Requests in flight at once. */
  maxConcurrency: number;
  /** Requests started per second (a token bucket refilled continuously). */
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
}

export interface GateStats {
  requests: number;
  rateLimited: number;
  retries: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Every Jira call goes through one gate per site: it keeps to the configured concurrency and
 * request rate (evenly spaced, no bursts), waits out 429/503 as Jira asks (`Retry-After`, or jittered exponential backoff
 * when it says 0 or nothing), retries transient errors a bounded number of times, and turns
 * what retrying cannot fix into a JiraRequestError that names the fix.
 */
export class RequestGate {
  readonly stats: GateStats = { requests: 0, rateLimited: 0, retries: 0 };
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private tokens: number;
  private lastRefill = Date.now();
  private pausedUntil = 0;
  private readonly options: Required<Omit<RequestGateOptions, 'onFailure'>> & Pick<RequestGateOptions, 'onFailure'>;

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
    this.tokens = 1;
  }

  async run<T>(operation: string, call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let wait: number;
      const release = await this.acquire();
      try {
        this.stats.requests++;
        return await call();
      } catch (error) {
        const failure = classifyJiraError(error);
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
        this.refill();
        if (this.tokens >= 1) {
          this.tokens -= 1;
          return release;
        }
        await this.options.sleep(Math.ceil(((1 - this.tokens) / this.options.maxPerSecond) * 1000));
      }
    } catch (error) {
      release();
      throw error;
    }
  }

  private refill(): void {
    const now = Date.now();
    // No burst: requests are spaced evenly, so any one-second window holds at most maxPerSecond.
    const capacity = 1;
    this.tokens = Math.min(capacity, this.tokens + ((now - this.lastRefill) / 1000) * this.options.maxPerSecond);
    this.lastRefill = now;
  }
}
