import type { Redis } from 'ioredis';
import type { Runtime } from './build-runtime.js';

/** A process that cannot start; the message says what failed and how to fix it, in one line. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** How long start-up waits for Redis, and for Slack's auth.test, before giving up on them. */
export const STARTUP_TIMEOUT_MS = 10_000;

function within<T>(ms: number, promise: Promise<T>): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Redis must answer PING within `ms`: queues and stores cannot work without it. */
export async function waitForRedis(redis: Redis, ms: number): Promise<void> {
  const answer = await within(ms, redis.ping()).catch((error: unknown) => error);
  if (answer === 'PONG') return;
  const why = answer === 'timeout' ? `did not answer within ${Math.round(ms / 1000)} s` : `refused: ${answer instanceof Error ? answer.message : String(answer)}`;
  throw new StartupError(`Redis ${why}: check REDIS_URL and that Redis is running`);
}

/**
 * Slack's auth.test must accept the bot token: a refused token (invalid_auth, token_revoked…)
 * ends start-up. An unreachable Slack is only logged — work waits for it. The answer fills
 * the process's bot identity (its ids and workspace). It is asked once, on the client that
 * does not retry, so an unreachable Slack costs one failed request, not minutes.
 */
export async function verifySlackToken(rt: Runtime, ms: number): Promise<void> {
  const slack = rt.adapters.slack;
  if (!slack) return;
  let answer: Awaited<ReturnType<typeof slack.delivery.auth.test>> | 'timeout';
  try {
    answer = await within(ms, slack.delivery.auth.test());
  } catch (error) {
    const { code, data } = error as { code?: string; data?: { error?: string } };
    if (code === 'slack_webapi_platform_error') throw new StartupError(`Slack refused the bot token (${data?.error ?? 'refused'}): check SLACK_BOT_TOKEN`);
    rt.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'Slack is unreachable at start-up; who-owns starts and retries');
    return;
  }
  if (answer === 'timeout') {
    rt.logger.warn(`Slack did not answer auth.test within ${Math.round(ms / 1000)} s; who-owns starts and retries`);
    return;
  }
  rt.logger.info({ team: answer.team, botUser: answer.user }, 'Slack token accepted');
  Object.assign(rt.identity, { ...(answer.bot_id ? { botId: answer.bot_id } : {}), ...(answer.user_id ? { botUserId: answer.user_id } : {}), ...(answer.team_id ? { workspaceId: answer.team_id } : {}) });
}

/** The listen error as the operator should read it. */
export function listenFailure(error: unknown, port: number): StartupError {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') return new StartupError(`port ${port} is already in use: stop the process holding it or set PORT to a free port`);
  if (code === 'EACCES') return new StartupError(`not allowed to listen on port ${port}: set PORT to a port above 1023`);
  return new StartupError(`cannot listen on port ${port}: ${error instanceof Error ? error.message : String(error)}`);
}
