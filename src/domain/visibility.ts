import type { TeamProfile } from './team.js';
import { type ClaimedItem, claimingTeams, claimOf } from './team-claims.js';
import type { WorkItem } from './work-item.js';

/**
 * Who may see an item where. Channels only ever show items of the teams mapped to them, and
 * never items with a Jira security level or that no team claims (team-claims.ts). An answer only
 * the asker sees (ephemeral, or the asker's own DM with the bot) may show a restricted item
 * when its team allows `showRestrictedToRequester`. Used by /who-owns, nudges and digests.
 */
export type VisibilityItem = ClaimedItem & Pick<WorkItem, 'securityLevel'>;

/** Slack DM channel ids start with D. */
export function isDirectMessageChannel(channelId: string): boolean {
  return channelId.startsWith('D');
}

/** May this item be posted where everyone in `channelId` can read it? */
export function visibleInChannel(item: VisibilityItem, channelId: string, teams: readonly TeamProfile[]): boolean {
  if (item.securityLevel) return false;
  return claimingTeams(item, teams).some((t) => t.channel === channelId);
}

/** May this item be shown privately to the person who asked (ephemeral answer or their DM)? */
export function visibleToRequester(item: VisibilityItem, teams: readonly TeamProfile[]): boolean {
  const claiming = claimingTeams(item, teams);
  if (claiming.length === 0) return false;
  if (!item.securityLevel) return true;
  return claiming.some((t) => t.showRestrictedToRequester);
}

export type Audience = { kind: 'requester' } | { kind: 'channel'; channelId: string };

/** The audience a message reaches: a DM is private to its one reader, a channel is not. */
export function audienceOf(channelId: string, ephemeral: boolean): Audience {
  return ephemeral || isDirectMessageChannel(channelId) ? { kind: 'requester' } : { kind: 'channel', channelId };
}

export function visibleTo(item: VisibilityItem, audience: Audience, teams: readonly TeamProfile[]): boolean {
  return audience.kind === 'requester' ? visibleToRequester(item, teams) : visibleInChannel(item, audience.channelId, teams);
}

/** May this item appear in the team's own channel? Only items the team claims, without a Jira security level. */
export function visibleInTeamChannel(item: VisibilityItem, team: Pick<TeamProfile, 'jira'>): boolean {
  return !item.securityLevel && claimOf(item, team) !== null;
}

/**
 * May this item appear in a DM to the team's PO or PM (nudges by DM)? The team's own items;
 * one with a Jira security level only when the team file allows `showRestrictedToRequester`.
 */
export function visibleInTeamDirectMessage(item: VisibilityItem, team: Pick<TeamProfile, 'jira' | 'showRestrictedToRequester'>): boolean {
  return (!item.securityLevel || team.showRestrictedToRequester) && claimOf(item, team) !== null;
}
