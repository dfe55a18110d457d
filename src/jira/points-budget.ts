/**
 * Jira Cloud's hourly points quota for apps (OAuth 2.0, Connect, Forge): every request costs a
 * base point, and a read one more for each object it returns (issues, changelogs, fields…);
 * writes cost the base point only. Background work (sync) spends at most the budget minus a
 * share kept free for interactive look-ups, over any sliding hour; interactive calls are
 * counted but never wait here.
 */
export interface PointsBudgetOptions {
  /** JIRA_POINTS_PER_HOUR. */
  perHour: number;
  /** Share of the hour's points only interactive look-ups may spend (default 0.2). */
  interactiveShare?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const HOUR_MS = 3600_000;

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

export class PointsBudget {
  private readonly spent: { at: number; points: number }[] = [];
  private total = 0;
  readonly perHour: number;
  private readonly backgroundLimit: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: PointsBudgetOptions) {
    this.perHour = options.perHour;
    this.backgroundLimit = options.perHour * (1 - (options.interactiveShare ?? 0.2));
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** Points spent since the process started. */
  get used(): number {
    return this.total;
  }

  record(points: number): void {
    this.spent.push({ at: this.now(), points });
    this.total += points;
  }

  /** Points spent in the last hour. */
  usedLastHour(): number {
    this.expire();
    return this.spent.reduce((sum, s) => sum + s.points, 0);
  }

  /** Waits until background work may spend again: until enough of the last hour's points age out. */
  async allowBackground(): Promise<void> {
    for (;;) {
      let over = this.usedLastHour() - this.backgroundLimit;
      if (over < 0) return;
      // The moment enough old spending leaves the window.
      let until = this.now();
      for (const s of this.spent) {
        over -= s.points;
        until = s.at + HOUR_MS;
        if (over < 0) break;
      }
      await this.sleep(Math.max(1, until - this.now()));
    }
  }

  private expire(): void {
    const cutoff = this.now() - HOUR_MS;
    while (this.spent.length && (this.spent[0] as { at: number }).at <= cutoff) this.spent.shift();
  }
}
