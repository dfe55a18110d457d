// The gate is one mechanism over shared state: in-flight slots, the rate window whose places
// are freed by answer times, retries and the points budget. It stays in one file, though long,
// so the rule "no second of Jira's sees more than the limit" reads in one place.
import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
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

/** `RateLimit-Reason` of Jira's per-second limits (jira-burst-based, …), as against its hourly quotas. */
const BURST = /burst/i;

/** Answer times remembered per operation, and what is taken off the fastest of them (jitter). */
const ANSWER_SAMPLES = 20;
const ANSWER_SLACK_MS = 25;

/** A request's place in the rate window. */
interface Place {
  operation: string;
  sentAt: number;
  /** When its HTTP request was fully handed to the network, if it went through Node's HTTP client. */
  flushedAt?: number;
  /** Infinity while in flight. */
  answeredAt: number;
}

/** The place of the call being made, so the HTTP client's request can be tied to it. */
const sending = new AsyncLocalStorage<Place>();
subscribe('http.client.request.start', (message) => {
  const place = sending.getStore();
  // Requests of the process that did not go through the gate (Slack, response URLs) are not timed.
  if (!place) return;
  (message as { request?: ClientRequest }).request?.once('finish', () => {
    place.flushedAt ??= Date.now();
  });
});

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
  /** Requests that may still fall in Jira's current window. */
  private readonly recent: Place[] = [];
  /** Recent answer times (ms) of successful calls, per operation. */
  private readonly answerTimes = new Map<string, number[]>();
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
      const { release, place } = await this.acquire(operation);
      let answered = false;
      try {
        this.stats.requests++;
        const result = await sending.run(place, call);
        answered = true;
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
        // A quota (or unnamed) limit applies to the whole app: every caller waits. A burst 429 says
        // this request came a little early in Jira's second: it waits as told, the others keep to the window.
        if (failure.kind === 'rate-limited' && !BURST.test(failure.reason ?? '')) this.pausedUntil = Math.max(this.pausedUntil, Date.now() + wait);
      } finally {
        release(answered);
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
  private async acquire(operation: string): Promise<{ release: (answered?: boolean) => void; place: Place }> {
    while (this.active >= this.options.maxConcurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.active++;
    let place: Place | undefined;
    let released = false;
    const release = (answered = false) => {
      if (released) return;
      released = true;
      if (place) {
        place.answeredAt = Date.now();
        if (answered) this.noteAnswerTime(place);
      }
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
        const wait = this.rateWait(Date.now(), operation);
        if (typeof wait === 'object') {
          place = wait;
          return { release, place };
        }
        if (wait === Number.POSITIVE_INFINITY) await new Promise<void>((resolve) => this.answerWaiters.push(resolve));
        else await this.options.sleep(wait);
      }
    } catch (error) {
      release();
      throw error;
    }
  }

  private noteAnswerTime(place: Place): void {
    if (place.flushedAt === undefined) return;
    const times = this.answerTimes.get(place.operation) ?? [];
    times.push(place.answeredAt - place.flushedAt);
    if (times.length > ANSWER_SAMPLES) times.shift();
    this.answerTimes.set(place.operation, times);
  }

  /**
   * When Jira counted an answered request at the latest. Jira counts a request when it
   * arrives, some time after the gate lets it go (on a busy machine the send, or the reading
   * on Jira's side, can lag by hundreds of milliseconds) and before its answer. Once it has
   * left, its answer cannot come sooner than the fastest recent answer to the same operation
   * after leaving (less a little for jitter), so it arrived at least that long before its
   * answer. A call not seen leaving through Node's HTTP client counts until its answer.
   */
  private countedBy(place: Place): number {
    if (place.flushedAt === undefined) return place.answeredAt;
    const fastest = Math.min(...(this.answerTimes.get(place.operation) ?? [Number.POSITIVE_INFINITY]));
    const lead = Number.isFinite(fastest) ? Math.max(0, fastest - ANSWER_SLACK_MS) : 0;
    return Math.max(place.flushedAt, place.answeredAt - lead);
  }

  /**
   * A request holds its place in the window from the moment it is let go until a full window
   * after Jira counted it (see countedBy); then no window of Jira's can see more than
   * `capacity` requests, however the sends bunch up.
   * Returns the new request's place when one is free, else how long to wait (Infinity: until
   * a request in flight is answered).
   */
  private rateWait(now: number, operation: string): Place | number {
    const capacity = Math.max(1, Math.floor(this.options.maxPerSecond));
    const window = (capacity / this.options.maxPerSecond) * 1000;
    let soonest = Number.POSITIVE_INFINITY;
    for (let i = this.recent.length - 1; i >= 0; i--) {
      const free = this.countedBy(this.recent[i] as Place) + window;
      if (now >= free) this.recent.splice(i, 1);
      else soonest = Math.min(soonest, free - now);
    }
    if (this.recent.length < capacity) {
      const place: Place = { operation, sentAt: now, answeredAt: Number.POSITIVE_INFINITY };
      this.recent.push(place);
      return place;
    }
    return Number.isFinite(soonest) ? Math.max(1, Math.ceil(soonest)) : Number.POSITIVE_INFINITY;
  }
}
