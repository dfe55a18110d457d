import { type Actor, type Permission, type PermissionContext, type PermissionTarget, permit } from '../domain/permissions/policy.js';
import type { PermissionAction } from '../domain/permissions/permission-table.js';
import { metrics } from '../metrics.js';

/** The actor of a Slack request: bots are the app's own bot user or a `B…` bot id. */
export function slackActor(user: { id: string; team_id?: string }, botUserId?: string): Actor {
  return { slackId: user.id, ...(user.team_id ? { workspaceId: user.team_id } : {}), isBot: user.id === botUserId || user.id.startsWith('B') };
}

/** The permission policy's answer, with each refusal counted on /metrics. */
export function authorise(action: PermissionAction, actor: Actor, target: PermissionTarget, context: PermissionContext): Permission {
  const permission = permit(action, actor, target, context);
  if (!permission.allowed) metrics.permissionRefusals.inc({ action, reason: permission.code });
  return permission;
}
