/**
 * The bot as Slack's auth.test describes its token: its ids, which Bolt is given so no
 * incoming command or click waits on auth.test, and the workspace it is installed in. Filled
 * once at start-up; empty when Slack did not answer then (the app only loses the filter of
 * its own events, and actions are not checked against a home workspace).
 */
export interface BotIdentity {
  botId?: string;
  botUserId?: string;
  /** auth.test's team_id: actions from other workspaces are refused. */
  workspaceId?: string;
}
