import { isAwaitingAcceptance } from '../acceptance/acceptance-queue.js';
import { PM, PO, type Verdict } from '../verdict.js';
import type { WorkItem } from '../work-item.js';
import type { CompiledTeam } from './compile-teams.js';
import type { SignalId } from './defaults.js';
import { DEFAULT_CUE_SEARCH, findRoleCues, PM_TAGS, PO_TAGS } from './text-cues.js';
import { bucketOf } from './text-hashing.js';
import { type TypePrior, typeKey, typePrior } from './type-priors.js';
import { DESCRIPTION_CHARS, newWordFeatures, readWords, type WordFeatures } from './word-features.js';

export { DESCRIPTION, DESCRIPTION_CHARS, newWordFeatures, SUMMARY, SUMMARY_CHARS, type WordFeatures } from './word-features.js';

/**
 * What the attribution model reads of an item: named features (issue type, sprint, labels…),
 * each with the field and value a person can check, and the hashed words of summary and
 * description. Training and attribution read items through this one function.
 */
export interface NamedFeature {
  /** Feature name, e.g. `sprint=closed`, `label=roadmap2018`. */
  name: string;
  bucket: number;
  /** Feature value (1 for present; a count or a prior weight otherwise). */
  x: number;
  signal: SignalId;
  field: string;
  value: string;
  /** What the feature means, in words: "in closed sprint “Sprint 6”". */
  text: string;
}

export interface ItemFeatures {
  named: NamedFeature[];
  words: WordFeatures;
}

const USER_STORY = /\bas an? [^,.\n]{2,80}?,? (?:i|we) (?:want|can|need|would like|should be able)/i;
const GIVEN_WHEN_THEN = /(?:^|\n)\s*given\b[\s\S]{0,400}?\bwhen\b[\s\S]{0,400}?\bthen\b/i;
/** Fails at the first character of every position but a line break: on real descriptions, cheaper than any pre-check for its headings. */
const AC_SECTION = /(?:^|\n)\s*(?:acceptance criteria|definition of done|\bac\b)\s*[:\n]/i;
/** A cheap check first: given-when-then costs several times a search for "given", and most descriptions have none. */
const MAY_HAVE_GIVEN = /given/i;
/** Quarter and half-year labels: `Q3`, `2020-Q3`, `2020Q1`, `FY24-H2`, `q3-2021`. */
const PERIOD_LABEL = /^(?:(?:fy)?\d{2,4}[-_ ]?)?[qh][1-4](?:[-_ ]?(?:fy)?\d{2,4})?$/i;
/** Roadmap and planning labels: `roadmap`, `roadmap2018`, `roadmap-related`, `planning-3.2.0`. */
const ROADMAP_LABEL = /roadmap|^planning\b|^planned\b/i;

const ISSUE_KEYS = /\b[A-Z][A-Z0-9]{1,9}-\d+\b/g;
/** What every issue key holds: a search for it costs half a count of the keys, and most descriptions name none. */
const MAY_NAME_KEYS = /[A-Z0-9]-\d/;
/** A description naming this many issues is a list of children more than a statement of work. */
const LISTS_ISSUES = 3;

/** Acceptance criteria and child lists sit further down a description than its opening. */
const STRUCTURE_CHARS = 2000;
const SHORT_DESCRIPTION = 120;
const LONG_DESCRIPTION = 2000;

const shared: WordFeatures = newWordFeatures();

function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const bucketCache = new Map<string, Map<string, number>>();
/**
 * Bucket of the named feature `${name}${key}`. The names repeat from item to item, so they are
 * remembered, by their two parts: an item's label or type is looked up without building the name.
 */
export function namedBucket(name: string, key = ''): number {
  let byKey = bucketCache.get(name);
  if (!byKey) {
    byKey = new Map();
    bucketCache.set(name, byKey);
  }
  let b = byKey.get(key);
  if (b === undefined) {
    b = bucketOf(`f:${name}${key}`);
    if (byKey.size < 50_000) byKey.set(key, b);
  }
  return b;
}

/** An issue type's feature: its name as compared, and what the type's name says about its owner. */
interface TypeFeature {
  key: string;
  bucket: number;
  /** PO and PM priors only, named by strength. */
  prior: { name: string; bucket: number; because: string } | null;
}

function priorFeature(prior: TypePrior | null): TypeFeature['prior'] {
  if (!prior || (prior.role !== PO && prior.role !== PM)) return null;
  // By strength, so the corpus's weak roadmap types (Epic, New Feature) cannot wash out the strong ones it lacks (Initiative, Idea).
  const strength = prior.weight >= 2 ? 'strong' : prior.weight >= 1 ? 'lean' : 'hint';
  const name = `type-prior:${prior.role}:${strength}`;
  return { name, bucket: namedBucket(name), because: prior.because };
}
const typeFeatures = new Map<string, TypeFeature>();
function typeFeature(issueType: string): TypeFeature {
  let feature = typeFeatures.get(issueType);
  if (!feature) {
    const key = typeKey(issueType);
    feature = { key, bucket: namedBucket('type=', key), prior: priorFeature(typePrior(issueType)) };
    if (typeFeatures.size < 10_000) typeFeatures.set(issueType, feature);
  }
  return feature;
}

const withBucket = (name: string) => ({ name, bucket: namedBucket(name) });
/** The default cue lists' features, with their buckets. */
const CUE_FEATURES = DEFAULT_CUE_SEARCH.roles.map((role) => ({ summary: withBucket(`cues:${role}:summary`), description: withBucket(`cues:${role}:description`) }));

export interface FeatureInput {
  item: WorkItem;
  settings: CompiledTeam;
  parent?: Pick<Verdict, 'key' | 'role'> | undefined;
  /** Fresh buffers (training keeps every item's words); attribution reuses one set. */
  words?: WordFeatures;
}

export function extractFeatures({ item, settings, parent, words = shared }: FeatureInput): ItemFeatures {
  const named: NamedFeature[] = [];
  const add = (name: string, x: number, signal: SignalId, field: string, value: string, text: string, bucket = namedBucket(name)) => {
    named.push({ name, bucket, x, signal, field, value, text });
  };
  const level = item.hierarchyLevel;
  const body = item.description.length > STRUCTURE_CHARS ? item.description.slice(0, STRUCTURE_CHARS) : item.description;
  const type = typeFeature(item.issueType);

  add(`type=${type.key}`, 1, 'issue-type', 'issuetype', item.issueType, `issue type ${item.issueType}`, type.bucket);
  if (type.prior) add(type.prior.name, 1, 'issue-type', 'issuetype', item.issueType, `${item.issueType}: ${type.prior.because}`, type.prior.bucket);

  if (level !== null) {
    const name = level >= 2 ? 'level>=2' : `level=${level}`;
    const text = level >= 2 ? `hierarchy level ${level}: initiative and above` : level === 1 ? 'hierarchy level 1: epic' : level === 0 ? 'story level' : 'sub-task level';
    add(name, 1, 'hierarchy', 'issuetype.hierarchyLevel', String(level), text, level >= 2 ? namedBucket(name) : namedBucket('level=', String(level)));
  }

  const sprint = item.sprints.find((s) => s.state === 'active') ?? item.sprints.find((s) => s.state === 'future') ?? item.sprints[0];
  if (sprint) add(sprint.state === 'closed' ? 'sprint=closed' : 'sprint=open', 1, 'sprint', 'sprint', sprint.name, `in ${sprint.state} sprint "${sprint.name}"`);
  if (item.storyPoints !== null && item.storyPoints > 0) add('story-points', 1, 'story-points', 'storyPoints', String(item.storyPoints), `estimated at ${item.storyPoints} story points`);

  if (item.acceptanceCriteria) add('acceptance-criteria', 1, 'acceptance-criteria', 'acceptanceCriteria', quote(item.acceptanceCriteria, 40), 'has acceptance criteria');
  else if (AC_SECTION.test(body) || (MAY_HAVE_GIVEN.test(body) && GIVEN_WHEN_THEN.test(body))) add('acceptance-criteria', 1, 'acceptance-criteria', 'description', 'acceptance criteria section', 'description has acceptance criteria');
  const story = USER_STORY.exec(item.summary) ?? USER_STORY.exec(item.description.slice(0, 400));
  if (story) add('user-story', 1, 'user-story', item.summary.includes(story[0]) ? 'summary' : 'description', quote(story[0]), 'written as a user story');

  if (isAwaitingAcceptance(item, settings.team)) {
    add('awaiting-acceptance', 1, 'awaiting-acceptance', 'status', item.status, `status "${item.status}" waits for the PO's acceptance`);
  }
  if (parent && (parent.role === PM || parent.role === PO)) {
    // An epic under a PM's initiative is a piece of the roadmap; a story under it is still backlog work.
    const epicLevel = level !== null && level >= 1;
    const prefix = epicLevel ? 'parent-of-epic=' : 'parent=';
    add(`${prefix}${parent.role}`, 1, 'parent-chain', 'parent', parent.key, `child of ${parent.key}, which is ${parent.role} work`, namedBucket(prefix, parent.role));
  }

  const dated = item.fixVersions.find((v) => v.releaseDate);
  if (level !== null && level >= 1 && dated) add('dated-release', 1, 'release', 'fixVersions', dated.name, `planned for release "${dated.name}" (${dated.releaseDate})`);
  else if (item.fixVersions[0]) add('fix-version', 1, 'release', 'fixVersions', item.fixVersions[0].name, `fix version "${item.fixVersions[0].name}"`);
  if (level !== null && level >= 1 && (item.targetStart || item.targetEnd)) {
    const range = `${item.targetStart ?? '?'} → ${item.targetEnd ?? '?'}`;
    add('target-dates', 1, 'target-dates', 'targetEnd', range, `target dates set (${range})`);
  }
  if (item.boardIds.length > 0 && (level === null || level <= 0)) add('board', 1, 'board', 'board', String(item.boardIds[0]), `on board ${item.boardIds[0]}`);

  for (const label of item.labels) {
    const lower = label.toLowerCase();
    add(`label=${lower}`, 1, 'label', 'labels', label, `label "${label}"`, namedBucket('label=', lower));
    if (PERIOD_LABEL.test(lower)) add('label-period', 1, 'label', 'labels', label, `label "${label}" names a quarter or half-year`);
    else if (ROADMAP_LABEL.test(lower)) add('label-roadmap', 1, 'label', 'labels', label, `label "${label}" is a roadmap or planning label`);
    else if (PM_TAGS.has(lower)) add('label-tag:PM', 1, 'label', 'labels', label, `label "${label}" names roadmap territory`);
    else if (PO_TAGS.has(lower)) add('label-tag:PO', 1, 'label', 'labels', label, `label "${label}" names delivery work`);
  }
  for (const component of item.components) {
    const lower = component.toLowerCase();
    add(`component=${lower}`, 1, 'component', 'components', component, `component "${component}"`, namedBucket('component=', lower));
    if (PM_TAGS.has(lower)) add('component-tag:PM', 1, 'component', 'components', component, `component "${component}" names roadmap territory`);
    else if (PO_TAGS.has(lower)) add('component-tag:PO', 1, 'component', 'components', component, `component "${component}" names delivery work`);
  }

  const description = item.description.slice(0, DESCRIPTION_CHARS);
  const summaryCues = findRoleCues(DEFAULT_CUE_SEARCH, item.summary);
  const descriptionCues = findRoleCues(DEFAULT_CUE_SEARCH, description);
  for (let r = 0; r < CUE_FEATURES.length; r++) {
    const { summary, description: inText } = CUE_FEATURES[r] as (typeof CUE_FEATURES)[number];
    const inSummary = summaryCues[r] as string[];
    const inDescription = (descriptionCues[r] as string[]).filter((cue) => !inSummary.includes(cue));
    if (inSummary.length > 0) add(summary.name, Math.min(2, inSummary.length), 'text-cue', 'summary', inSummary.join(', '), `summary mentions ${inSummary.map((c) => `“${c}”`).join(', ')}`, summary.bucket);
    if (inDescription.length > 0) add(inText.name, Math.min(3, inDescription.length), 'text-cue', 'description', inDescription.join(', '), `description mentions ${inDescription.map((c) => `“${c}”`).join(', ')}`, inText.bucket);
  }

  const keys = MAY_NAME_KEYS.test(body) ? (body.match(ISSUE_KEYS)?.length ?? 0) : 0;
  if (keys >= LISTS_ISSUES) add('description=lists-issues', 1, 'detail', 'description', `${keys} issue keys`, `the description lists ${keys} other issues`);
  const length = item.description.trim().length;
  if (length === 0) add('description=empty', 1, 'detail', 'description', '(empty)', 'no description');
  else if (length < SHORT_DESCRIPTION) add('description=short', 1, 'detail', 'description', `${length} characters`, 'a one-line description');
  else if (length > LONG_DESCRIPTION) add('description=long', 1, 'detail', 'description', `${length} characters`, 'a long, detailed description');

  return { named, words: readWords(item, words) };
}
