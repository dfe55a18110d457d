import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

/** Slack accepts posts to a response_url for 30 minutes after the command. */
const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;

/** Slack answered, but not with success; `retry` when a later attempt may succeed (429, 5xx). */
class ResponseUrlRefused extends Error {
  constructor(
    readonly status: number,
    readonly retry: boolean,
  ) {
    super(`response_url answered ${status}`);
  }
}

/**
 * Posts to a verified command's response_url over kept-alive connections, so an answer does
 * not pay a new TLS handshake to hooks.slack.com each time.
 */
export function postToResponseUrl(responseUrl: string, message: object, timeoutMs = 10_000): Promise<void> {
  const body = JSON.stringify(message);
  const secure = responseUrl.startsWith('https:');
  return new Promise((resolve, reject) => {
    const req = (secure ? httpsRequest : httpRequest)(
      responseUrl,
      { method: 'POST', agent: secure ? agents.https : agents.http, timeout: timeoutMs, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        res.on('end', () => (status < 300 ? resolve() : reject(new ResponseUrlRefused(status, status === 429 || status >= 500))));
      },
    );
    req.on('timeout', () => req.destroy(new Error('response_url timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

export interface AnswerRetry {
  /** When the command arrived (ms); attempts stop when its response_url expires. */
  since?: number;
  firstBackoffMs?: number;
  maxBackoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (error: unknown, attempt: number) => void;
}

/**
 * Delivers an answer to a response_url, retrying while Slack is unreachable or failing (a
 * network error, 429, 5xx) for as long as the URL is valid: an outage delays the answer, it
 * does not lose it. A refusal that retrying cannot change (an expired URL) is thrown at once.
 */
export async function answerThroughResponseUrl(responseUrl: string, message: object, retry: AnswerRetry = {}): Promise<void> {
  const since = retry.since ?? Date.now();
  const sleep = retry.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let backoff = retry.firstBackoffMs ?? 250;
  for (let attempt = 1; ; attempt++) {
    try {
      await postToResponseUrl(responseUrl, message);
      return;
    } catch (error) {
      const permanent = error instanceof ResponseUrlRefused && !error.retry;
      if (permanent || Date.now() + backoff > since + RESPONSE_URL_LIFETIME_MS) throw error;
      retry.onRetry?.(error, attempt);
      await sleep(backoff);
      backoff = Math.min(backoff * 2, retry.maxBackoffMs ?? 15_000);
    }
  }
}
