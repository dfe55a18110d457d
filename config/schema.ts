import { z } from 'zod';
import { DEFAULT_ACCEPTANCE_STATUSES } from '../src/domain/acceptance/acceptance-queue.js';

/**
 * One schema for everything who-owns is configured with: secrets and endpoints from the
 * environment, team structure from the YAML team file. `loadConfig` builds the input.
 */

const slackUserId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'a Slack user id looks like U012AB3CD');
const slackChannelId = z.string().regex(/^[CGD][A-Z0-9]{2,}$/, 'a Slack channel id looks like C012AB3CD');
const projectKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,19}$/, 'a Jira project key is upper case, e.g. PAY');
const hour = z.number().int().min(0).max(23);
/** ISO weekday numbers, Monday = 1 … Sunday = 7. */
const weekday = z.number().int().min(1).max(7);

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
export const TimeZone = z.string().refine(isTimeZone, { message: 'not an IANA time zone (e.g. Europe/Berlin)' });

/** Five-field cron (minute hour day month weekday), or six with seconds first. */
export const Cron = z
  .string()
  .refine((s) => [5, 6].includes(s.trim().split(/\s+/).length), { message: 'a cron has 5 fields, e.g. "0 9 * * 1"' });

export const PersonRef = z
  .object({
    slack: slackUserId.optional(),
    jira: z.string().min(1).optional().describe('Jira Cloud account id or Data Center user name'),
    email: z.email().optional(),
    name: z.string().optional(),
  })
  .refine((p) => p.slack ?? p.jira ?? p.email, { message: 'give at least one of slack, jira or email' });
export type PersonRef = z.infer<typeof PersonRef>;

export const AttributionOverrides = z
  .object({
    /** Multiplies a signal's learned weight (ids in docs/attribution.md); 0 turns it off. */
    weights: z.record(z.string(), z.number().min(0).max(10)).default({}),
    /** Minimum probability to name a role instead of `unclear` (default: the model's threshold). */
    minConfidence: z.number().min(0).max(1).optional(),
    /** Minimum probability gap between the two likeliest roles (default 0). */
    minMargin: z.number().min(0).max(1).optional(),
    /** Extra issue-type priors: type name → role id. */
    issueTypes: z.record(z.string(), z.string()).default({}),
    /** Labels that speak for a role: label → role id. */
    labels: z.record(z.string(), z.string()).default({}),
    /** Components that speak for a role: component → role id. */
    components: z.record(z.string(), z.string()).default({}),
    /** false: the site's learned conventions never apply to the team's items, its decisions teach nothing. */
    learn: z.boolean().optional(),
  })
  .strict();
export type AttributionOverrides = z.infer<typeof AttributionOverrides>;

export const ExtraRole = z
  .object({
    id: z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'a role id is short and upper case, e.g. PMM'),
    title: z.string().min(1),
    people: z.array(PersonRef).default([]),
    /** Words in summary, description or labels that point to this role. */
    cues: z.array(z.string().min(2)).min(1),
  })
  .strict();

export const Acceptance = z
  .object({
    /** Statuses that mean "done by the team, waiting for the PO". */
    statuses: z.array(z.string().min(1)).default([...DEFAULT_ACCEPTANCE_STATUSES]),
    /** Workflow transition names that accept and reject. */
    acceptTransition: z.string().default('Accept'),
    rejectTransition: z.string().default('Reject'),
    /** Resolution that marks accepted work; done items without it still wait. */
    acceptedResolution: z.string().default('Done'),
    reminderHour: hour.default(10),
    workingDays: z.array(weekday).min(1).default([1, 2, 3, 4, 5]),
    /** Working days an item may wait before the team channel hears of it. */
    escalateAfterDays: z.number().int().min(1).default(3),
    /** Reminders sent before escalation. */
    escalateAfterReminders: z.number().int().min(1).default(2),
    /** People besides the PO who may accept or reject. */
    delegates: z.array(PersonRef).default([]),
    enabled: z.boolean().default(true),
  })
  .strict();

export const Nudges = z
  .object({
    enabled: z.boolean().default(true),
    /** Post in the team channel, or DM the candidate PO/PM. */
    target: z.enum(['channel', 'dm']).default('channel'),
    cooldownDays: z.number().min(0).default(7),
    dailyCapPerChannel: z.number().int().min(1).default(10),
    /** Items listed in the message itself; the rest go to a thread. */
    topN: z.number().int().min(1).max(20).default(5),
    workingHours: z.tuple([hour, hour]).default([9, 17]),
    workingDays: z.array(weekday).min(1).default([1, 2, 3, 4, 5]),
    escalateAfterDays: z.number().int().min(1).default(3),
  })
  .strict();

export const Digest = z
  .object({
    enabled: z.boolean().default(true),
    cron: Cron.default('0 9 * * 1'),
    /** Defaults to the team's time zone. */
    timezone: TimeZone.optional(),
  })
  .strict();

export const Team = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'a team id is lower-case letters, digits and dashes'),
    name: z.string().min(1),
    jira: z
      .object({
        projects: z.array(projectKey).default([]),
        boards: z.array(z.number().int().positive()).default([]),
        components: z.array(z.string().min(1)).default([]),
        /** Value of the Jira Team field that marks the team's items. */
        teamField: z.string().optional(),
      })
      .strict()
      .refine((j) => j.projects.length + j.boards.length + j.components.length > 0, {
        message: 'a team needs at least one Jira project, board or component',
      }),
    /** Product Owner; null declares the role vacant on purpose. */
    po: PersonRef.nullable().optional(),
    /** Product Manager; null declares the role vacant on purpose. */
    pm: PersonRef.nullable().optional(),
    /** Other people allowed to record ownership decisions for the team's items. */
    members: z.array(PersonRef).default([]),
    roles: z.array(ExtraRole).default([]),
    channel: slackChannelId.optional(),
    timezone: TimeZone.default('UTC'),
    digest: Digest.prefault({}),
    nudges: Nudges.prefault({}),
    acceptance: Acceptance.prefault({}),
    attribution: AttributionOverrides.prefault({}),
    /** Store decisions on the Jira issue as the `who-owns.decision` property. */
    writeBack: z.boolean().default(false),
    /** Let people see items with a security level in answers only they can see. */
    showRestrictedToRequester: z.boolean().default(false),
  })
  .strict();
export type Team = z.infer<typeof Team>;

export const TeamFile = z
  .object({
    /** Jira site URL used to build browse links when no live site is configured. */
    site: z.url().optional(),
    teams: z.array(Team).min(1, 'declare at least one team'),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.teams.forEach((team, index) => {
      const first = seen.get(team.id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['teams', index, 'id'], message: `duplicate team id "${team.id}" (also teams.${first})` });
      }
      seen.set(team.id, index);
    });
  });
export type TeamFile = z.infer<typeof TeamFile>;

const optionalNonEmpty = z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional());

export const Env = z
  .object({
    WHO_OWNS_CONFIG: z.string().default('config/who-owns.yaml'),
    REDIS_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^(rediss?|unix):\/\//, 'use redis://host:port, rediss://… or unix:///path/to/socket').default('redis://127.0.0.1:6379')),
    /** Prefix of every Redis key and queue; wrap in {braces} for Redis Cluster. */
    REDIS_PREFIX: z.string().default('who-owns'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    JIRA_BASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url('JIRA_BASE_URL must be the site URL, e.g. https://acme.atlassian.net').optional()),
    JIRA_DEPLOYMENT: z.enum(['cloud', 'datacenter']).default('cloud'),
    JIRA_EMAIL: z.preprocess((v) => (v === '' ? undefined : v), z.email().optional()),
    JIRA_API_TOKEN: optionalNonEmpty,
    JIRA_PAT: optionalNonEmpty,
    JIRA_OAUTH_TOKEN: optionalNonEmpty,
    JIRA_WEBHOOK_SECRET: optionalNonEmpty,
    /** Where Jira should deliver webhooks registered through the REST API (this process's /webhooks/jira); unset: none registered. */
    JIRA_WEBHOOK_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url('JIRA_WEBHOOK_URL is the public URL of /webhooks/jira, e.g. https://who-owns.example.com/webhooks/jira').optional()),
    JIRA_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    JIRA_MAX_RPS: z.coerce.number().min(0.1).max(1000).default(10),
    /** Jira Cloud's hourly points quota for this app (OAuth 2.0 / Connect / Forge); unset: not metered. */
    JIRA_POINTS_PER_HOUR: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(100, 'JIRA_POINTS_PER_HOUR is the hourly points quota, at least 100').optional()),
    SLACK_BOT_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string().startsWith('xoxb-', 'SLACK_BOT_TOKEN is the bot token and starts with xoxb-').optional()),
    SLACK_SIGNING_SECRET: optionalNonEmpty,
    SLACK_APP_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string().startsWith('xapp-', 'SLACK_APP_TOKEN is an app-level token and starts with xapp-').optional()),
    SLACK_API_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  });

/**
 * Cross-variable rules, checked on the raw environment so they are reported together with
 * every other problem (zod skips refinements once a field has failed).
 */
export function envCrossChecks(env: Record<string, string | undefined>): { path: string; message: string }[] {
  const set = (k: string) => Boolean(env[k] && env[k] !== '');
  const problems: { path: string; message: string }[] = [];
  if (!set('JIRA_BASE_URL')) return problems;
  const deployment = env.JIRA_DEPLOYMENT || 'cloud';
  if (deployment === 'cloud' && !set('JIRA_OAUTH_TOKEN')) {
    if (!set('JIRA_EMAIL')) problems.push({ path: 'JIRA_EMAIL', message: 'Jira Cloud needs JIRA_EMAIL with JIRA_API_TOKEN (or set JIRA_OAUTH_TOKEN)' });
    if (!set('JIRA_API_TOKEN')) problems.push({ path: 'JIRA_API_TOKEN', message: 'Jira Cloud needs an API token: create one at id.atlassian.com → Security → API tokens' });
  }
  if (deployment === 'datacenter' && !set('JIRA_PAT') && !set('JIRA_OAUTH_TOKEN')) {
    problems.push({ path: 'JIRA_PAT', message: 'Jira Data Center needs a personal access token: Profile → Personal Access Tokens' });
  }
  if (set('JIRA_WEBHOOK_URL')) {
    // Only OAuth 2.0 and Connect apps may register webhooks; the secret authenticates what Jira delivers.
    if (deployment !== 'cloud' || !set('JIRA_OAUTH_TOKEN')) problems.push({ path: 'JIRA_WEBHOOK_URL', message: 'webhooks are registered through the REST API only by a Jira Cloud OAuth 2.0 app: set JIRA_OAUTH_TOKEN (or unset JIRA_WEBHOOK_URL and add an admin webhook)' });
    if (!set('JIRA_WEBHOOK_SECRET')) problems.push({ path: 'JIRA_WEBHOOK_SECRET', message: 'JIRA_WEBHOOK_URL needs JIRA_WEBHOOK_SECRET: deliveries to the registered URL are checked against it' });
  }
  return problems;
}
export type Env = z.infer<typeof Env>;

export interface Config {
  env: Env;
  teams: TeamFile;
  /** Path the team file was read from. */
  teamFilePath: string;
}
