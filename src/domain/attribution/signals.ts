import { PM, PO, type Reason, type Verdict } from '../verdict.js';
import type { WorkItem } from '../work-item.js';
import type { CompiledTeam } from './compile-teams.js';
import type { SignalId } from './defaults.js';
import { findCues, PM_TAGS, PO_TAGS } from './text-cues.js';
import { typePrior } from './type-priors.js';

const USER_STORY = /\bas an? [^,.\n]{2,80}?,? (?:i|we) (?:want|can|need|would like|should be able)/i;
const GIVEN_WHEN_THEN = /(?:^|\n)\s*given\b[\s\S]{0,400}?\bwhen\b[\s\S]{0,400}?\bthen\b/i;
const AC_SECTION = /(?:^|\n)\s*(?:acceptance criteria|definition of done|\bac\b)\s*[:\n]/i;

/** Description text scanned for cues: long bodies (logs, pasted specs) add noise, not signal. */
const DESCRIPTION_SCAN_CHARS = 2000;

export interface SignalInput {
  item: WorkItem;
  settings: CompiledTeam;
  /** Verdict of the item's parent, when it is known. */
  parent?: Pick<Verdict, 'key' | 'role'> | undefined;
}

function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

// A top-level function, not a closure per item: this runs a few hundred thousand times a second.
function push(reasons: Reason[], settings: CompiledTeam, signal: SignalId, role: string, base: number, field: string, value: string, text: string): void {
  const weight = base * settings.weight(signal);
  if (weight > 0) reasons.push({ signal, role, weight, evidence: { field, value }, text });
}

const NONE: readonly string[] = [];

/** Cues not already claimed by a neighbouring role, nor already counted in the summary. */
function unclaimedCues(cues: string[], claimed: readonly string[], counted: readonly string[]): string[] {
  if (claimed.length === 0 && counted.length === 0) return cues;
  const kept: string[] = [];
  for (const cue of cues) {
    if (counted.includes(cue)) continue;
    let taken = false;
    for (const c of claimed) if (c.includes(cue)) taken = true;
    if (!taken) kept.push(cue);
  }
  return kept;
}

/** Every signal that fires for the item, unordered. Weight 0 (turned off by a team) drops a signal. */
export function collectSignals({ item, settings, parent }: SignalInput): Reason[] {
  const reasons: Reason[] = [];
  const level = item.hierarchyLevel;

  const prior = typePrior(item.issueType, settings.typeOverrides);
  const acSection = item.acceptanceCriteria === null && AC_SECTION.test(item.description);
  const backlogShaped = item.sprints.length > 0 || (item.storyPoints ?? 0) > 0 || item.acceptanceCriteria !== null || acSection || USER_STORY.test(item.summary);
  if (prior) {
    const weak = prior.generic === true && !backlogShaped;
    push(reasons, settings, 'issue-type', prior.role, weak ? prior.weight / 2 : prior.weight, 'issuetype', item.issueType, weak ? `${item.issueType}: ${prior.because}, but no sprint, estimate or acceptance criteria yet` : `${item.issueType}: ${prior.because}`);
  }
  if (level !== null && level >= 2) push(reasons, settings, 'hierarchy', PM, 1.5, 'issuetype.hierarchyLevel', String(level), `hierarchy level ${level}: initiative and above`);
  else if (level === -1 && !prior) push(reasons, settings, 'hierarchy', PO, 1.5, 'issuetype.hierarchyLevel', '-1', 'sub-task level');
  else if (level === 0 && !prior) push(reasons, settings, 'hierarchy', PO, 0.6, 'issuetype.hierarchyLevel', '0', 'story level');

  const sprint = item.sprints.find((s) => s.state === 'active') ?? item.sprints.find((s) => s.state === 'future') ?? item.sprints[0];
  if (sprint) push(reasons, settings, 'sprint', PO, sprint.state === 'closed' ? 0.5 : 1, 'sprint', sprint.name, `in ${sprint.state} sprint "${sprint.name}"`);
  if (item.storyPoints !== null && item.storyPoints > 0) push(reasons, settings, 'story-points', PO, 1, 'storyPoints', String(item.storyPoints), `estimated at ${item.storyPoints} story points`);

  if (item.acceptanceCriteria) {
    push(reasons, settings, 'acceptance-criteria', PO, 1, 'acceptanceCriteria', quote(item.acceptanceCriteria, 40), 'has acceptance criteria');
  } else if (acSection || GIVEN_WHEN_THEN.test(item.description)) {
    push(reasons, settings, 'acceptance-criteria', PO, 1, 'description', 'acceptance criteria section', 'description has acceptance criteria');
  }
  const story = USER_STORY.exec(item.summary) ?? USER_STORY.exec(item.description.slice(0, 400));
  if (story) push(reasons, settings, 'user-story', PO, 1, story.index >= 0 && item.summary.includes(story[0]) ? 'summary' : 'description', quote(story[0]), 'written as a user story');

  if (settings.acceptanceStatuses.has(item.status.toLowerCase()) && (level === null || level <= 0)) {
    push(reasons, settings, 'awaiting-acceptance', PO, 1, 'status', item.status, `status "${item.status}" waits for the PO's acceptance`);
  }

  if (parent && (parent.role === PM || parent.role === PO)) {
    // An epic under a PM's initiative is a piece of the roadmap; a story under it is still backlog work.
    const base = level !== null && level >= 1 ? 1.2 : 0.3;
    push(reasons, settings, 'parent-chain', parent.role, base, 'parent', parent.key, `child of ${parent.key}, which is ${parent.role} work`);
  }

  if (level !== null && level >= 1) {
    const dated = item.fixVersions.find((v) => v.releaseDate);
    if (dated) push(reasons, settings, 'release', PM, 1, 'fixVersions', dated.name, `planned for release "${dated.name}" (${dated.releaseDate})`);
    if (item.targetStart || item.targetEnd) {
      push(reasons, settings, 'target-dates', PM, 1, 'targetEnd', `${item.targetStart ?? '?'} → ${item.targetEnd ?? '?'}`, `target dates set (${item.targetStart ?? '?'} → ${item.targetEnd ?? '?'})`);
    }
  }
  if (item.boardIds.length > 0 && (level === null || level <= 0)) push(reasons, settings, 'board', PO, 1, 'board', String(item.boardIds[0]), `on board ${item.boardIds[0]}`);

  for (const label of item.labels) {
    const lower = label.toLowerCase();
    const role = settings.labelRoles.get(lower) ?? (PM_TAGS.has(lower) ? PM : PO_TAGS.has(lower) ? PO : undefined);
    if (role) push(reasons, settings, 'label', role, role === PM ? 1 : 0.6, 'labels', label, `label "${label}"`);
  }
  for (const component of item.components) {
    const lower = component.toLowerCase();
    const role = settings.componentRoles.get(lower) ?? (PM_TAGS.has(lower) ? PM : PO_TAGS.has(lower) ? PO : undefined);
    if (role) push(reasons, settings, 'component', role, 0.8, 'components', component, `component "${component}"`);
  }

  const description = item.description.slice(0, DESCRIPTION_SCAN_CHARS);
  // Neighbouring roles are specialisations: a cue they claim ("launch announcement") is not also a PM cue ("launch").
  const claimed: string[] = [];
  for (const matcher of settings.cueMatchers) {
    const extra = matcher.role !== PM && matcher.role !== PO;
    const inSummary = unclaimedCues(findCues(matcher, item.summary), claimed, NONE);
    const inDescription = unclaimedCues(findCues(matcher, description), claimed, inSummary);
    const base = Math.min(2, inSummary.length) + Math.min(0.9, 0.3 * inDescription.length);
    if (base === 0) continue;
    if (extra) claimed.push(...inSummary, ...inDescription);
    const where = inSummary.length > 0 ? 'summary' : 'description';
    const cues = [...inSummary, ...inDescription].slice(0, 4);
    push(reasons, settings, extra ? 'extra-role' : 'text-cue', matcher.role, base, where, cues.join(', '), `${where} mentions ${cues.map((c) => `“${c}”`).join(', ')}`);
  }
  return reasons;
}
