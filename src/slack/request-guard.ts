import type { IncomingMessage, ServerResponse } from 'node:http';
import { isValidSlackRequest } from '@slack/bolt';
import type { SeenSignatures } from '../ports.js';
import { readBodyUpTo } from '../http-body.js';

export interface RequestGuardOptions {
  signingSecret: string;
  seen: SeenSignatures;
  /** Bolt's listener, given the request with its body already read (`rawBody`). */
  next: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
  now?: () => number;
  bodyLimit?: number;
}

/** Slack's replay window is 5 minutes; a signature is remembered a little longer than that. */
const REPLAY_TTL_SECONDS = 6 * 60;

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function refuse(res: ServerResponse, status: number, error: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error }));
}

/**
 * In front of Bolt: verifies the `v0` signature and the 5-minute window, refuses a signature
 * seen before (a replayed request), and answers Slack's retries (`X-Slack-Retry-Num`) with 200
 * without running anything again, because the first delivery already did the work.
 */
export function guardSlackRequests(options: RequestGuardOptions) {
  const now = options.now ?? Date.now;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') return void (await options.next(req, res));
    const body = await readBodyUpTo(req, options.bodyLimit ?? 1_000_000);
    if (!body) return refuse(res, 413, 'request body too large');
    const text = body.toString('utf8');
    const signature = header(req, 'x-slack-signature');
    const timestamp = Number(header(req, 'x-slack-request-timestamp'));
    const sslCheck = header(req, 'content-type')?.startsWith('application/x-www-form-urlencoded') && new URLSearchParams(text).get('ssl_check') === '1';
    if (!sslCheck) {
      const valid =
        signature !== undefined &&
        Number.isFinite(timestamp) &&
        isValidSlackRequest({ signingSecret: options.signingSecret, body: text, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp }, nowMilliseconds: now() });
      if (!valid) return refuse(res, 401, 'invalid or expired Slack signature');
      if (header(req, 'x-slack-retry-num') !== undefined) {
        res.writeHead(200, { 'x-slack-no-retry': '1' });
        res.end();
        return;
      }
      if (!(await options.seen(`${timestamp}:${signature}`, REPLAY_TTL_SECONDS))) return refuse(res, 401, 'this request was already received');
    }
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
    await options.next(req, res);
  };
}
