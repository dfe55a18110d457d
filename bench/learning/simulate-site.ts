/**
 * A site learning from its team's answers, simulated on labelled items: the bot attributes the
 * site's items, nudges the `unclear` ones the way the nudge policy picks them (oldest first, a
 * daily cap, a week's cool-down), and a simulated team answers each nudge with the item's label;
 * an item labelled `unclear` gets no answer (there is none to give). When no nudge is left to
 * answer, the team reviews the least confident answers instead, as it would in the digest.
 * After each batch of answers the site's offsets are refitted. Every item is scored by a global
 * model fitted without it (`model` per item), and figures count only items nobody answered.
 */
import { attributeItem, teamIndexOf } from '../../src/domain/attribution/attribute-item.js';
import type { AttributionModel } from '../../src/domain/attribution/model.js';
import { fitSiteAdjustment } from '../../src/domain/learning/fit-site-adjustment.js';
import { loadSiteAdjustment, type SiteAdjustment } from '../../src/domain/learning/site-adjustment.js';
import { type DecidedItem, siteExamples } from '../../src/domain/learning/site-examples.js';
import { type NudgeRecord, recordNudges, selectNudges } from '../../src/domain/nudges/select-nudges.js';
import type { TeamProfile } from '../../src/domain/team.js';
import type { Verdict } from '../../src/domain/verdict.js';
import type { WorkItem } from '../../src/domain/work-item.js';
import { CLASSES } from '../../scripts/train/corpus.js';
import { type Prediction, type Scores, score } from '../../scripts/train/evaluate.js';

export interface SiteItem {
  item: WorkItem;
  label: number;
  /** A global model that was not fitted on this item. */
  model: AttributionModel;
}

export interface CurvePoint {
  k: number;
  /** Of the k answers, how many were answers to nudges (the rest came from reviewing). */
  fromNudges: number;
  /** Scores on the unanswered items: with what the site learned, and the global model alone. */
  learned: Scores;
  global: Scores;
}

const UNCLEAR = CLASSES.indexOf('unclear');
const PEOPLE = ['U0SIMPO01', 'U0SIMPM02', 'U0SIMME03', 'U0SIMME04'];
const DAY_MS = 86_400_000;

export function simulatedTeam(projects: readonly string[]): TeamProfile {
  const [po, pm, ...members] = PEOPLE.map((slack) => ({ slack }));
  return {
    id: 'site',
    name: 'Simulated team',
    jira: { projects: [...projects], boards: [], components: [] },
    po,
    pm,
    members,
    roles: [],
    timezone: 'UTC',
    digest: { enabled: true, cron: '0 9 * * 1' },
    nudges: { enabled: true, target: 'channel', cooldownDays: 7, dailyCapPerChannel: 10, topN: 5, workingHours: [9, 17], workingDays: [1, 2, 3, 4, 5, 6, 7], escalateAfterDays: 3 },
    acceptance: { enabled: false, statuses: [], acceptTransition: 'Accept', rejectTransition: 'Reject', acceptedResolution: 'Done', reminderHour: 10, workingDays: [1, 2, 3, 4, 5], escalateAfterDays: 3, escalateAfterReminders: 2, delegates: [] },
    attribution: { weights: {}, issueTypes: {}, labels: {}, components: {} },
    writeBack: false,
    showRestrictedToRequester: false,
  };
}

function predictions(site: readonly SiteItem[], verdicts: readonly Verdict[], skip: ReadonlySet<string>): Prediction[] {
  const out: Prediction[] = [];
  site.forEach((s, i) => {
    if (skip.has(s.item.key)) return;
    const v = verdicts[i] as Verdict;
    out.push({ key: s.item.key, source: 'generated', label: s.label, predicted: CLASSES.indexOf(v.role as (typeof CLASSES)[number]), confidence: v.confidence });
  });
  return out;
}

export function simulateSite(site: readonly SiteItem[], checkpoints: readonly number[]): CurvePoint[] {
  const team = simulatedTeam([...new Set(site.map((s) => s.item.projectKey))]);
  const index = teamIndexOf([team]);
  const reference = (site[0] as SiteItem).model;
  const attribute = (adjustment: SiteAdjustment | null) => site.map((s) => attributeItem(s.item, { teams: index, model: s.model, adjustment }));
  const globalVerdicts = attribute(null);
  const answered = new Map<string, DecidedItem>();
  let adjustment: SiteAdjustment | null = null;
  let fromNudges = 0;
  const points: CurvePoint[] = [];
  const pending = [...checkpoints].sort((a, b) => a - b);

  const refit = () => {
    const { examples, people } = siteExamples([...answered.values()], index, reference.classes);
    const modelOf = new Map(site.map((s) => [s.item.key, s.model]));
    const file = fitSiteAdjustment(reference, examples.map((e) => ({ ...e, model: modelOf.get(e.item.key) })), people);
    adjustment = file ? loadSiteAdjustment(file) : null;
  };
  const measure = () => {
    const skip = new Set(answered.keys());
    points.push({ k: answered.size, fromNudges, learned: score(predictions(site, attribute(adjustment), skip)), global: score(predictions(site, globalVerdicts, skip)) });
    pending.shift();
  };
  const answer = (s: SiteItem, viaNudge: boolean) => {
    const decidedBy = { slackId: PEOPLE[answered.size % PEOPLE.length] as string };
    answered.set(s.item.key, { item: s.item, teamId: team.id, decision: { role: CLASSES[s.label] as string, decidedBy, decidedAt: '2026-01-05T10:00:00.000Z', source: 'slack' } });
    if (viaNudge) fromNudges++;
    if (answered.size === pending[0]) {
      refit();
      measure();
    }
  };

  if (pending[0] === 0) measure();
  let ledger = new Map<string, NudgeRecord>();
  let now = new Date('2026-01-05T10:00:00Z');
  for (let day = 0; pending.length > 0 && day < 400; day++, now = new Date(now.getTime() + DAY_MS)) {
    const verdicts = attribute(adjustment);
    const candidates = site.flatMap((s, i) => (answered.has(s.item.key) ? [] : [{ item: s.item, verdict: verdicts[i] as Verdict, s }]));
    const plan = selectNudges({ team, candidates, ledger, now });
    ledger = recordNudges(ledger, plan, now);
    const bySite = new Map(candidates.map((c) => [c.item.key, c.s]));
    let answers = 0;
    for (const { item } of plan.nudge) {
      const s = bySite.get(item.key) as SiteItem;
      if (s.label === UNCLEAR || pending.length === 0) continue;
      answer(s, true);
      answers++;
    }
    if (answers === 0) {
      // Nothing left to answer in the nudges: the team reviews the least sure answers instead.
      const review = candidates.filter((c) => c.s.label !== UNCLEAR).sort((a, b) => a.verdict.confidence - b.verdict.confidence || (a.item.key < b.item.key ? -1 : 1));
      for (const c of review.slice(0, team.nudges.dailyCapPerChannel)) if (pending.length > 0) answer(c.s, false);
    }
    if (answered.size > 0) refit();
  }
  return points;
}
