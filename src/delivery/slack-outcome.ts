/** How a failed Slack call should be treated by the delivery pipeline. */
export type SlackFailure =
  /** Slack refused for rate: nothing was posted; wait `retryAfterMs`. */
  | { kind: 'rate-limited'; retryAfterMs: number; error: string }
  /** Slack answered with an error that retrying cannot fix (channel gone, bad blocks…). */
  | { kind: 'permanent'; error: string }
  /** Network trouble or a server error: the post may or may not have happened. */
  | { kind: 'unknown'; error: string };

/** Slack errors a retry can fix; every other platform error is final. */
const TRANSIENT_PLATFORM_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited', 'team_added_to_org']);

export function classifySlackFailure(error: unknown): SlackFailure {
  const e = error as { code?: string; retryAfter?: number; data?: { error?: string }; message?: string };
  if (e?.code === 'slack_webapi_rate_limited_error') {
    return { kind: 'rate-limited', retryAfterMs: Math.max(1, Number(e.retryAfter ?? 1)) * 1000, error: 'ratelimited' };
  }
  if (e?.code === 'slack_webapi_platform_error') {
    const name = e.data?.error ?? 'unknown_error';
    return TRANSIENT_PLATFORM_ERRORS.has(name) ? { kind: 'unknown', error: name } : { kind: 'permanent', error: name };
  }
  return { kind: 'unknown', error: e?.message ?? String(error) };
}
