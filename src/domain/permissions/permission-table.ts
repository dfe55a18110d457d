/**
 * Who may do what: every action a person can take through Slack that changes state or posts
 * into a channel, and the seats of the item's team that may take it. Everyone else (another
 * team's people, people in no team, users of another Slack workspace, bots) is refused.
 * The policy, the authorisation matrix test and the operations guide all read this table.
 */

/** A seat a person holds in a team, from the team file. */
export type Seat = 'po' | 'pm' | 'member' | 'delegate';

export const SEATS: readonly Seat[] = ['po', 'pm', 'member', 'delegate'];

export const SEAT_NAMES: Record<Seat, string> = {
  po: 'the PO',
  pm: 'the PM',
  member: 'a member',
  delegate: 'an acceptance delegate',
};

export type PermissionAction =
  | 'decide-claim'
  | 'decide-po'
  | 'decide-pm'
  | 'decide-not-applicable'
  | 'decide-assign'
  | 'snooze-nudge'
  | 'share-in-channel'
  | 'accept'
  | 'reject'
  | 'snooze-reminder'
  | 'adopt-rule';

/**
 * Which team's seats count: `claiming` — any team that claims the item (project, board, Team
 * field, component, or the verdict's team); `item-team` — the item's own team, the first that
 * claims it, whose acceptance queue lists it (acceptance runs that team's workflow); `team` —
 * the one team the thing acted on belongs to (a rule suggested to that team).
 */
export type TeamScope = 'claiming' | 'item-team' | 'team';

export interface PermissionRule {
  /** What the person does, as the guide names it. */
  does: string;
  seats: readonly Seat[];
  scope: TeamScope;
  /** The action posts the item into the channel it was clicked in. */
  postsToChannel?: true;
}

const OWNERSHIP: readonly Seat[] = ['po', 'pm', 'member'];
const ACCEPTANCE: readonly Seat[] = ['po', 'delegate'];

export const PERMISSIONS: Record<PermissionAction, PermissionRule> = {
  'decide-claim': { does: 'Decide: *I own this*', seats: OWNERSHIP, scope: 'claiming' },
  'decide-po': { does: "Decide: *It's PO work*", seats: OWNERSHIP, scope: 'claiming' },
  'decide-pm': { does: "Decide: *It's PM work*", seats: OWNERSHIP, scope: 'claiming' },
  'decide-not-applicable': { does: 'Decide: *Not applicable*', seats: OWNERSHIP, scope: 'claiming' },
  'decide-assign': { does: 'Decide: *Assign to…*', seats: OWNERSHIP, scope: 'claiming' },
  'snooze-nudge': { does: '*Snooze 1 week* on a nudge', seats: OWNERSHIP, scope: 'claiming' },
  'share-in-channel': { does: '*Share in channel*', seats: OWNERSHIP, scope: 'claiming', postsToChannel: true },
  accept: { does: '*Accept* a finished item', seats: ACCEPTANCE, scope: 'item-team' },
  reject: { does: '*Reject* a finished item (button and reason form)', seats: ACCEPTANCE, scope: 'item-team' },
  'snooze-reminder': { does: '*Snooze* an acceptance reminder', seats: ACCEPTANCE, scope: 'item-team' },
  'adopt-rule': { does: '*Make it a rule* / *No* on a rule the digest suggests', seats: ['po', 'pm'], scope: 'team' },
};

export const PERMISSION_ACTIONS = Object.keys(PERMISSIONS) as PermissionAction[];

/** Whom the table is written for: a seat of the item's team, or someone with no seat in it. */
export interface ActorRole {
  id: string;
  label: string;
  seat?: Seat;
}

export const ACTOR_ROLES: readonly ActorRole[] = [
  { id: 'po', label: 'Team PO', seat: 'po' },
  { id: 'pm', label: 'Team PM', seat: 'pm' },
  { id: 'member', label: 'Team member', seat: 'member' },
  { id: 'delegate', label: 'Acceptance delegate', seat: 'delegate' },
  { id: 'other-po', label: "Another team's PO" },
  { id: 'other-pm', label: "Another team's PM" },
  { id: 'other-member', label: "Another team's member" },
  { id: 'no-team', label: 'In no team' },
  { id: 'other-workspace', label: 'Another Slack workspace' },
  { id: 'bot', label: 'A bot' },
];

/** What the table says for this role: allowed only through a seat the action lists. */
export function tableAllows(action: PermissionAction, role: ActorRole): boolean {
  return role.seat !== undefined && PERMISSIONS[action].seats.includes(role.seat);
}
