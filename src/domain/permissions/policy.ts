import type { PersonRefLike, TeamProfile } from '../team.js';
import { claimingTeams, itemTeam } from '../team-claims.js';
import { type VisibilityItem, visibleInChannel } from '../visibility.js';
import { PERMISSIONS, type PermissionAction, SEAT_NAMES, type Seat } from './permission-table.js';

/** Who clicked or typed: their Slack user id, the workspace they belong to, and whether they are an app. */
export interface Actor {
  slackId: string;
  /** The actor's own workspace (`user.team_id`); undefined when Slack did not say. */
  workspaceId?: string;
  isBot: boolean;
}

export type PermissionItem = VisibilityItem & { key: string };

export interface PermissionTarget {
  item: PermissionItem;
  /** The team the item's verdict names, if any. */
  verdictTeamId?: string | null;
  /** Where the action would post the item (share in channel). */
  channelId?: string;
}

export interface PermissionContext {
  teams: readonly TeamProfile[];
  /** The workspace the app is installed in; actions from any other are refused. */
  homeWorkspaceId?: string;
}

export type RefusalCode = 'bot' | 'other-workspace' | 'no-team' | 'not-in-seat' | 'channel';

export type Permission =
  | { allowed: true; team: TeamProfile; seat: Seat }
  | { allowed: false; code: RefusalCode; reason: string; whoCan: string };

function seatsOf(team: TeamProfile, slackId: string): Seat[] {
  const holds = (p: PersonRefLike | null | undefined) => p?.slack === slackId;
  const seats: Seat[] = [];
  if (holds(team.po)) seats.push('po');
  if (holds(team.pm)) seats.push('pm');
  if (team.members.some(holds)) seats.push('member');
  if (team.acceptance.delegates.some(holds)) seats.push('delegate');
  return seats;
}

function teamsFor(action: PermissionAction, target: PermissionTarget, teams: readonly TeamProfile[]): TeamProfile[] {
  if (PERMISSIONS[action].scope === 'item-team') {
    const own = itemTeam(target.item, teams);
    return own ? [own] : [];
  }
  if (PERMISSIONS[action].scope === 'team') return teams.filter((t) => t.id === target.verdictTeamId);
  const claiming = claimingTeams(target.item, teams);
  const verdictTeam = teams.find((t) => t.id === target.verdictTeamId);
  return verdictTeam && !claiming.includes(verdictTeam) ? [verdictTeam, ...claiming] : claiming;
}

function seatHolder(team: TeamProfile, seat: Seat): string {
  const person = seat === 'po' ? team.po : seat === 'pm' ? team.pm : undefined;
  return person?.name ? `${SEAT_NAMES[seat]} (${person.name})` : SEAT_NAMES[seat];
}

/** "the PO (Priya Nair), the PM (Marco Rossi) or a member of Payments" */
export function whoCan(action: PermissionAction, teams: readonly TeamProfile[]): string {
  if (teams.length === 0) return 'nobody, until a team in the team file claims it';
  return teams
    .map((team) => {
      const holders = PERMISSIONS[action].seats.map((seat) => seatHolder(team, seat));
      const list = holders.length > 1 ? `${holders.slice(0, -1).join(', ')} or ${holders.at(-1)}` : holders.join('');
      return `${list} of ${team.name}`;
    })
    .join('; or ');
}

/**
 * May this actor take this action on this item? Pure: decided from the team file alone.
 * Bots and users of another workspace are refused first; then the actor needs a seat the
 * action lists in a team that holds the item; an action that posts into a channel also
 * needs the channel to be one that may see the item.
 */
export function permit(action: PermissionAction, actor: Actor, target: PermissionTarget, context: PermissionContext): Permission {
  const teams = teamsFor(action, target, context.teams);
  const who = whoCan(action, teams);
  const key = target.item.key;
  const refuse = (code: RefusalCode, why: string): Permission => ({ allowed: false, code, reason: `${why} Only ${who} may do this for ${key}.`, whoCan: who });
  if (actor.isBot) return refuse('bot', 'who-owns takes no actions from bots or apps.');
  if (context.homeWorkspaceId && actor.workspaceId && actor.workspaceId !== context.homeWorkspaceId) {
    return refuse('other-workspace', 'You belong to another Slack workspace.');
  }
  if (teams.length === 0) return { allowed: false, code: 'no-team', reason: `No team in the team file claims ${key}, so nobody may do this yet.`, whoCan: who };
  const rule = PERMISSIONS[action];
  for (const team of teams) {
    const seat = seatsOf(team, actor.slackId).find((s) => rule.seats.includes(s));
    if (!seat) continue;
    if (rule.postsToChannel && !visibleInChannel(target.item, target.channelId ?? '', context.teams)) return channelRefusal(target.item, teams);
    return { allowed: true, team, seat };
  }
  return { allowed: false, code: 'not-in-seat', reason: `Only ${who} may do this for ${key}; the team file gives you no such seat.`, whoCan: who };
}

function channelRefusal(item: PermissionItem, teams: readonly TeamProfile[]): Permission {
  if (item.securityLevel) return { allowed: false, code: 'channel', reason: `${item.key} has a Jira security level, so it stays private: it is never posted into a channel.`, whoCan: 'nobody' };
  const channels = teams.flatMap((t) => (t.channel ? [`<#${t.channel}>`] : []));
  const where = channels.length ? channels.join(' or ') : 'no channel';
  return { allowed: false, code: 'channel', reason: `${item.key} stays private: this is not the channel of a team that claims it. It can be shared in ${where}.`, whoCan: where };
}

/** The sentence a refused person reads. */
export function refusalText(refusal: Extract<Permission, { allowed: false }>): string {
  return `${refusal.reason} Nothing was changed.`;
}
