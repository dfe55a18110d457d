/**
 * What each named feature is believed to say before any data is seen, as a logit toward a role:
 * the Scrum split of the work (sprints, estimates and acceptance are the PO's backlog; initiatives,
 * roadmap labels and dated releases the PM's). Training starts from these and the penalty pulls
 * toward them, so a feature the corpus shows often is fitted from the data, and one it never
 * shows (hierarchy level 2, boards, target dates) keeps its prior instead of being dropped.
 * Type priors follow the strength of the type-name table (src/domain/attribution/type-priors.ts);
 * the strong roadmap types and levels must outweigh the backlog's base rate (most items are PO
 * work, so the fitted bias leans PO) on an item with nothing else to say.
 */
export const PRIOR_MEANS: Record<string, Partial<Record<'PO' | 'PM' | 'unclear', number>>> = {
  'type-prior:PO:strong': { PO: 1.5 },
  'type-prior:PO:lean': { PO: 0.8 },
  'type-prior:PO:hint': { PO: 0.3 },
  'type-prior:PM:strong': { PM: 4.5 },
  'type-prior:PM:lean': { PM: 1 },
  'type-prior:PM:hint': { PM: 0.4 },
  'level>=2': { PM: 4 },
  'level=-1': { PO: 1.5 },
  'level=0': { PO: 0.5 },
  'sprint=open': { PO: 1.5 },
  'sprint=closed': { PO: 0.8 },
  'story-points': { PO: 1 },
  'acceptance-criteria': { PO: 1.5 },
  'user-story': { PO: 1.2 },
  'awaiting-acceptance': { PO: 2 },
  'parent-of-epic=PM': { PM: 1.2 },
  'parent-of-epic=PO': { PO: 1.2 },
  'parent=PM': { PM: 0.3 },
  'parent=PO': { PO: 1 },
  'dated-release': { PM: 0.6 },
  'target-dates': { PM: 0.8 },
  board: { PO: 0.4 },
  'label-period': { PM: 1 },
  'label-roadmap': { PM: 1 },
  'label-tag:PM': { PM: 1 },
  'label-tag:PO': { PO: 0.6 },
  'component-tag:PM': { PM: 0.8 },
  'component-tag:PO': { PO: 0.6 },
  'cues:PM:summary': { PM: 0.8 },
  'cues:PM:description': { PM: 0.3 },
  'cues:PO:summary': { PO: 0.8 },
  'cues:PO:description': { PO: 0.3 },
  'description=empty': { unclear: 0.5 },
  'description=short': { unclear: 0.3 },
};
