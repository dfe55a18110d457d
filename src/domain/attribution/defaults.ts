/**
 * The signals a verdict can cite. Their weights are learned (`npm run train`); a team scales a
 * signal with `attribution.weights` in the team file (0 turns it off, 2 doubles it).
 */
export const SIGNAL_IDS = [
  'issue-type',
  'hierarchy',
  'sprint',
  'story-points',
  'acceptance-criteria',
  'user-story',
  'awaiting-acceptance',
  'parent-chain',
  'release',
  'target-dates',
  'board',
  'label',
  'component',
  'text-cue',
  'detail',
  'words',
  'extra-role',
] as const;

export type SignalId = (typeof SIGNAL_IDS)[number];

/** Logit a team-file mapping (issue type, label, component → role) adds for its role. */
export const TEAM_RULE_LOGIT = 4;
/** Logit per cue of a configured extra role (e.g. PMM: "launch announcement"). */
export const EXTRA_ROLE_LOGIT = 2.5;
