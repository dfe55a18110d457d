import type { App } from '@slack/bolt';
import type { TeamProfile } from '../domain/team.js';
import type { OwnershipDecision } from '../domain/work-item.js';
import type { DecisionStore, ItemStore, JiraWriter } from '../ports.js';
import type { ListedItem } from './views/command-answers.js';

export interface SlackAppLogger {
  warn(obj: object, msg: string): void;
  error?(obj: object, msg: string): void;
}

/** Everything the Slack app needs; the runtime builds it once per `serve` process. */
export interface SlackAppDeps {
  signingSecret: string;
  botToken: string;
  /** Known bot ids spare Bolt an auth.test call at start-up. */
  botId?: string;
  botUserId?: string;
  /** The workspace the app is installed in (auth.test's team_id); actions from other workspaces are refused. */
  workspaceId?: string;
  /** Socket Mode instead of HTTP when set (SLACK_APP_TOKEN, xapp-…). */
  appToken?: string;
  /** SLACK_API_URL: the Web API base, e.g. a proxy or a test server. */
  slackApiUrl?: string;
  /** Web API retries (tests: 0). */
  slackRetries?: number;
  /** Replay protection: records a request signature, true when new (see redisSeenSignatures). */
  seen: (signature: string, ttlSeconds: number) => Promise<boolean>;
  store: ItemStore;
  decisions: DecisionStore;
  teams: readonly TeamProfile[];
  /** Write-back of decisions to the Jira issue (teams with writeBack: true). */
  jira?: JiraWriter;
  /** Runs a JQL query on the live site and returns the matching keys; free text and `jql:` use it. */
  searchJira?: (jql: string) => Promise<string[]>;
  /** One live Jira read when the store misses a key. */
  fetchLive?: (key: string) => Promise<ListedItem | null>;
  /** Told after each recorded decision (nudges and digests edit their messages). */
  onDecision?: (key: string, decision: OwnershipDecision) => Promise<void>;
  now?: () => Date;
  /** Clock for the signature window, in ms (tests). */
  nowMs?: () => number;
  logger?: SlackAppLogger;
  features?: ((app: App, deps: SlackAppDeps) => void)[];
}
