import type { App } from '@slack/bolt';
import { registerAppHome } from './app-home.js';
import { registerDecisionActions } from './decision-actions.js';
import type { SlackAppDeps } from './slack-app-deps.js';
import { lookupsFor } from './lookups.js';
import { registerWhoOwnsCommand } from './who-owns-command.js';

/** A feature's Slack listeners (nudge snooze, acceptance buttons…), added with one line. */
export type SlackFeature = (app: App, deps: SlackAppDeps) => void;

/**
 * Every listener of the app. Features add theirs to FEATURES below (or pass `features` in
 * the deps when their listeners need more than SlackAppDeps).
 */
const FEATURES: SlackFeature[] = [];

export function registerListeners(app: App, deps: SlackAppDeps): void {
  const now = deps.now ?? (() => new Date());
  registerWhoOwnsCommand(app, { store: deps.store, teams: deps.teams, ...lookupsFor(deps), ...(deps.fetchLive ? { fetchLive: deps.fetchLive } : {}) }, deps.logger);
  registerDecisionActions(app, {
    store: deps.store,
    decisions: deps.decisions,
    teams: deps.teams,
    ...(deps.workspaceId ? { homeWorkspaceId: deps.workspaceId } : {}),
    now,
    ...(deps.jira ? { jira: deps.jira } : {}),
    ...(deps.onDecision ? { onDecision: deps.onDecision } : {}),
  });
  registerAppHome(app, { store: deps.store, teams: deps.teams, now });
  for (const feature of [...FEATURES, ...(deps.features ?? [])]) feature(app, deps);
}
