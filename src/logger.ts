import { type Logger, pino } from 'pino';

export type { Logger };

/** Paths pino blanks out wherever they appear in a log record. */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'req.headers["x-slack-signature"]',
  'req.headers["x-hub-signature"]',
  'config.headers.Authorization',
  '*.config.headers.Authorization',
  'signingSecret',
  '*.signingSecret',
  'apiToken',
  '*.apiToken',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'JIRA_API_TOKEN',
  'JIRA_PAT',
  'JIRA_OAUTH_TOKEN',
  'JIRA_WEBHOOK_SECRET',
];

/**
 * JSON logger. Besides the redacted paths, every configured secret value is scrubbed from
 * messages and strings, so a token pasted into an error message never reaches the log.
 */
export function createLogger(options: { level?: string; secrets?: (string | undefined)[]; destination?: NodeJS.WritableStream } = {}): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 6);
  const scrub = (value: string): string => secrets.reduce((text, secret) => text.split(secret).join('[REDACTED]'), value);
  const pinoOptions = {
    level: options.level ?? 'info',
    base: { app: 'who-owns' },
    redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
    // pino reads hooks.logMethod unconditionally, so hooks must be an object even without secrets.
    hooks: secrets.length ? { streamWrite: scrub } : {},
  };
  return options.destination ? pino(pinoOptions, options.destination as pino.DestinationStream) : pino(pinoOptions);
}
