import { webApi } from '@slack/bolt';

/**
 * A Web API client for the delivery pipeline: no built-in retries and 429s thrown at once,
 * so the pipeline alone decides when to retry (and honours Retry-After per channel).
 */
export function createDeliveryClient(token: string, options: { slackApiUrl?: string; timeoutMs?: number; maxConcurrency?: number } = {}): webApi.WebClient {
  return new webApi.WebClient(token, {
    // At least the notify worker's concurrency: a smaller client queue would hold paced posts back.
    maxRequestConcurrency: options.maxConcurrency ?? 100,
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 15_000,
    logLevel: webApi.LogLevel.ERROR,
  });
}
