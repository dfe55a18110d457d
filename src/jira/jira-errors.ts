import { HttpException } from 'jira.js';

export type JiraErrorKind = 'rate-limited' | 'transient' | 'auth' | 'not-found' | 'rejected' | 'other';

export interface JiraFailure {
  kind: JiraErrorKind;
  status?: number;
  /** From `Retry-After`; undefined when absent or 0 (then back off with jitter). */
  retryAfterMs?: number;
  /** Jira's own words (errorMessages / errors), for the person who clicked or the operator. */
  message: string;
  /** Which limit a 429 hit (`RateLimit-Reason`: jira-burst-based, jira-quota-tenant-based, …). */
  reason?: string;
}

/** The parts of an axios error we read; axios is jira.js's transport, not ours. */
interface AxiosLike {
  isAxiosError: true;
  code?: string;
  response?: { status?: number; headers?: unknown; data?: unknown };
}

function isAxiosLike(value: unknown): value is AxiosLike {
  return typeof value === 'object' && value !== null && (value as { isAxiosError?: unknown }).isAxiosError === true;
}

const TRANSIENT_CODES = new Set(['ECONNABORTED', 'ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'EPIPE', 'EAI_AGAIN', 'ERR_NETWORK', 'ENOTFOUND']);

function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const record = headers as Record<string, unknown> & { get?: (n: string) => unknown };
  const value = typeof record.get === 'function' ? record.get(name) : (record[name] ?? record[name.toLowerCase()]);
  return value === undefined || value === null ? undefined : String(value);
}

function jiraMessage(data: unknown, fallback: string): string {
  if (data && typeof data === 'object') {
    const d = data as { errorMessages?: unknown; errors?: unknown; message?: unknown };
    const parts = [
      ...(Array.isArray(d.errorMessages) ? d.errorMessages.map(String) : []),
      ...(d.errors && typeof d.errors === 'object' ? Object.entries(d.errors as Record<string, unknown>).map(([k, v]) => `${k}: ${String(v)}`) : []),
    ];
    if (parts.length) return parts.join('; ');
    if (typeof d.message === 'string') return d.message;
  }
  return fallback;
}

/** Turns whatever jira.js threw into what who-owns needs to decide: retry, wait, stop or report. */
export function classifyJiraError(error: unknown): JiraFailure {
  let status: number | undefined;
  let headers: unknown;
  let data: unknown;
  let code: string | undefined;
  let message = error instanceof Error ? error.message : String(error);
  if (error instanceof HttpException) {
    status = error.status;
    const cause = error.cause;
    if (isAxiosLike(cause)) {
      headers = cause.response?.headers;
      data = cause.response?.data;
      code = cause.code;
    }
    message = jiraMessage(data ?? (typeof error.response === 'object' ? (error.response as { data?: unknown }).data : undefined), message);
  } else if (isAxiosLike(error)) {
    status = error.response?.status;
    headers = error.response?.headers;
    data = error.response?.data;
    code = error.code;
    message = jiraMessage(data, message);
  }
  const retryAfter = Number(headerOf(headers, 'retry-after'));
  const retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined;
  if (status === 429) {
    const reason = headerOf(headers, 'ratelimit-reason');
    return { kind: 'rate-limited', status, message: reason ? `${message} (${reason})` : message, ...(retryAfterMs ? { retryAfterMs } : {}), ...(reason ? { reason } : {}) };
  }
  if (status === 401 || status === 403) return { kind: 'auth', status, message };
  if (status === 404) return { kind: 'not-found', status, message };
  if (status !== undefined && status >= 500) return { kind: 'transient', status, message, ...(retryAfterMs ? { retryAfterMs } : {}) };
  if (status !== undefined && status >= 400) return { kind: 'rejected', status, message };
  if (code && TRANSIENT_CODES.has(code)) return { kind: 'transient', message: `${code}: ${message}` };
  return { kind: 'other', ...(status ? { status } : {}), message };
}

/** A Jira failure that retrying will not fix (bad credentials, missing permission, refused request). */
export class JiraRequestError extends Error {
  readonly failure: JiraFailure;
  constructor(operation: string, failure: JiraFailure) {
    const hint =
      failure.kind === 'auth'
        ? failure.status === 401
          ? ' — Jira rejected the credentials: check JIRA_EMAIL/JIRA_API_TOKEN (Cloud) or JIRA_PAT (Data Center)'
          : ' — the Jira account lacks permission: give it Browse Projects on this project'
        : '';
    super(`${operation} failed${failure.status ? ` (${failure.status})` : ''}: ${failure.message}${hint}`);
    this.name = 'JiraRequestError';
    this.failure = failure;
  }
}
