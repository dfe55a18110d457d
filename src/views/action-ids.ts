/** Action ids of the buttons who-owns sends; renderers and handlers both import them. */
export const ACTIONS = {
  claim: 'who_owns_claim',
  markPm: 'who_owns_mark_pm',
  markPo: 'who_owns_mark_po',
  assign: 'who_owns_assign',
  notApplicable: 'who_owns_not_applicable',
  share: 'who_owns_share',
  snooze: 'who_owns_snooze',
  adoptRule: 'who_owns_adopt_rule',
  declineRule: 'who_owns_decline_rule',
} as const;
