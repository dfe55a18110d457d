/**
 * Default weights per signal and the thresholds that separate a verdict from `unclear`.
 * Teams scale a signal with `attribution.weights` (0 turns it off) in the team file.
 */
export const SIGNAL_WEIGHTS = {
  /** Issue-type prior: strongest single signal, since sites encode roles in their types. */
  'issue-type': 1,
  /** Initiative level and above is roadmap by construction. */
  hierarchy: 1,
  sprint: 1.5,
  'story-points': 0.8,
  'acceptance-criteria': 1.5,
  'user-story': 1.2,
  'awaiting-acceptance': 2,
  'parent-chain': 1,
  release: 0.6,
  'target-dates': 0.8,
  board: 0.4,
  label: 1,
  component: 1,
  'text-cue': 1,
  'extra-role': 2,
} as const;

export type SignalId = keyof typeof SIGNAL_WEIGHTS;

export const THRESHOLDS = {
  /** top / (total + EVIDENCE_PRIOR) below this → unclear. */
  minConfidence: 0.55,
  /** (top − second) / total below this → unclear: the roles are too close to call. */
  minMargin: 0.35,
  /** Pseudo-evidence for "unclear": a lone weak signal must not produce a confident verdict. */
  evidencePrior: 1,
} as const;
