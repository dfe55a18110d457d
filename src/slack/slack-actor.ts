import type { Actor } from '../domain/permissions/policy.js';

/** The actor of a Slack request: bots are the app's own bot user or a `B…` bot id. */
export function slackActor(user: { id: string; team_id?: string }, botUserId?: string): Actor {
  return { slackId: user.id, ...(user.team_id ? { workspaceId: user.team_id } : {}), isBot: user.id === botUserId || user.id.startsWith('B') };
}
