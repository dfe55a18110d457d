import { type Actor, type Permission, type PermissionContext, type PermissionTarget, permit } from '../domain/permissions/policy.js';
import type { PermissionAction } from '../domain/permissions/permission-table.js';
import { metrics } from '../metrics.js';

/**
 * The permission policy's answer, with each refusal counted on /metrics. Every use case that
 * changes state for a person (decisions, snoozes, acceptance) asks here, whichever adapter
 * the request came through.
 */
export function authorise(action: PermissionAction, actor: Actor, target: PermissionTarget, context: PermissionContext): Permission {
  const permission = permit(action, actor, target, context);
  if (!permission.allowed) metrics.permissionRefusals.inc({ action, reason: permission.code });
  return permission;
}
