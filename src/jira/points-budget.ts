import type { Redis } from 'ioredis';

/**
 * Jira Cloud's hourly points quota for apps (OAuth 2.0, Connect, Forge): every request costs a
 * base point, and a read one more for each object it returns (issues, changelogs, fields…);
 * writes cost the base point only. The quota is the app's, not the process's, so the count
 * lives in Redis, in one-minute buckets summed over the last hour, and every process of the
 * install (`start`, `work`, a cron `sync --once`) spends from the same hour. Background work
 * (sync) spends at most the budget minus a share kept free for interactive look-ups;
 * interactive calls are counted but never wait here.
 */
export interface PointsBudgetOptions {
  redis: Redis;
  /** Redis key prefix (REDIS_PREFIX) and the site, so two sites keep two counts. */
  key: string;
  /** JIRA_POINTS_PER_HOUR. */
  perHour: number;
  /** Share of the hour's points only interactive look-ups may spend (default 0.2). */
  interactiveShare?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const BUCKET_MS = 60_000;
const BUCKETS = 60;
/** A bucket outlives the hour it counts in (seconds). */
const BUCKET_TTL_S = 2 * 3600;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Points a request costs as Atlassian counts them: 1, plus 1 per object a read returns. */
export function pointsOf(result: unknown, write = false): number {
  if (write || result === undefined || result === null || result === '') return 1;
  if (Array.isArray(result)) return 1 + result.length;
  if (typeof result !== 'object') return 1;
  const r = result as Record<string, unknown>;
  for (const list of ['issues', 'values', 'issueChangeLogs', 'transitions']) {
    if (Array.isArray(r[list])) return 1 + (r[list] as unknown[]).length;
  }
  return 2;
}

/**
 * KEYS: the hour's minute buckets, oldest first (the last is the current minute).
 * ARGV: limit, points to reserve, now (ms), the oldest bucket's minute, bucket TTL (s).
 * Under the limit: reserves the points in the current minute and answers 0. Over it: answers
 * how long until enough of the hour's spending ages out. Check and reservation are one step,
 * so two processes cannot both take the last of the hour.
 */
const RESERVE = `
local counts = redis.call('MGET', unpack(KEYS))
local total = 0
for _, c in ipairs(counts) do total = total + (tonumber(c) or 0) end
local limit = tonumber(ARGV[1])
if total < limit then
  local reserve = tonumber(ARGV[2])
  if reserve > 0 then
    redis.call('INCRBY', KEYS[#KEYS], reserve)
    redis.call('EXPIRE', KEYS[#KEYS], ARGV[5])
  end
  return 0
end
local over = total - limit
for i, c in ipairs(counts) do
  over = over - (tonumber(c) or 0)
  if over < 0 then return (tonumber(ARGV[4]) + i - 1 + ${BUCKETS}) * ${BUCKET_MS} - tonumber(ARGV[3]) end
end
return ${BUCKET_MS}
`;

export class PointsBudget {
  readonly perHour: number;
  private readonly backgroundLimit: number;
  private readonly redis: Redis;
  private readonly key: string;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** What a background call is expected to cost: the last one's points. */
  private estimate = 1;

  constructor(options: PointsBudgetOptions) {
    this.perHour = options.perHour;
    this.backgroundLimit = options.perHour * (1 - (options.interactiveShare ?? 0.2));
    this.redis = options.redis;
    this.key = `${options.key}:jira:points`;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** Counts points spent; an unreachable Redis loses the count, never the caller's answer. */
  record(points: number): void {
    if (points === 0) return;
    const bucket = this.bucketKey(Math.floor(this.now() / BUCKET_MS));
    this.redis
      .multi()
      .incrby(bucket, points)
      .expire(bucket, BUCKET_TTL_S)
      .exec()
      .catch(() => undefined);
  }

  /** Points spent in the last hour by every process sharing the budget. */
  async usedLastHour(): Promise<number> {
    const counts = await this.redis.mget(...this.hourKeys().keys);
    return counts.reduce((sum, c) => sum + Number(c ?? 0), 0);
  }

  /**
   * Waits until background work may spend again (until enough of the last hour's points age
   * out), then reserves what the call is expected to cost. Returns the points reserved: the
   * caller records the difference once it knows the real cost.
   */
  async reserveBackground(): Promise<number> {
    for (;;) {
      const { keys, oldest } = this.hourKeys();
      const reserve = this.estimate;
      const wait = Number(await this.redis.eval(RESERVE, keys.length, ...keys, this.backgroundLimit, reserve, this.now(), oldest, BUCKET_TTL_S));
      if (wait <= 0) return reserve;
      await this.sleep(Math.max(1, wait));
    }
  }

  /** A background call cost `points`, of which `reserved` were counted already. */
  settleBackground(points: number, reserved: number): void {
    this.estimate = points;
    this.record(points - reserved);
  }

  private hourKeys(): { keys: string[]; oldest: number } {
    const current = Math.floor(this.now() / BUCKET_MS);
    const oldest = current - BUCKETS + 1;
    return { keys: Array.from({ length: BUCKETS }, (_, i) => this.bucketKey(oldest + i)), oldest };
  }

  private bucketKey(minute: number): string {
    return `${this.key}:${minute}`;
  }
}
