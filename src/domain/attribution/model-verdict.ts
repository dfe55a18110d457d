import { UNCLEAR, type Reason, type Verdict } from '../verdict.js';
import type { WorkItem } from '../work-item.js';
import type { CompiledTeam } from './compile-teams.js';
import { decide } from './decide.js';
import { EXTRA_ROLE_LOGIT, TEAM_RULE_LOGIT } from './defaults.js';
import { extractFeatures } from './features.js';
import { type AttributionModel, modelLogits, namedPull, wordPulls } from './model.js';
import { findCues } from './text-cues.js';
import { addSiteLogits, learnedPulls, type SiteAdjustment } from '../learning/site-adjustment.js';
import { describeRule } from '../learning/suggest-rules.js';

/**
 * The role, its calibrated probability and the reasons, from the model plus the team file's
 * rules (issue type, label and component maps, extra roles' cues) on top. A site's learned
 * offsets, when given, add to the model's logits for items no team-file rule speaks for: a rule
 * the team wrote down outranks anything learned.
 */
export interface ModelAnswer {
  role: string;
  confidence: number;
  reasons: Reason[];
}

/** Reasons that moved a verdict by less than this (in logits) are noise to a reader. */
const MIN_REASON_WEIGHT = 0.05;
const MAX_REASONS = 8;
/** Learned pulls named in a verdict: the strongest, so the reader sees what the site taught. */
const MAX_LEARNED_REASONS = 2;
const MIN_LEARNED_WEIGHT = 0.1;

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function percent(p: number): string {
  return `${Math.round(p * 100)}%`;
}

interface TeamRule {
  role: string;
  logit: number;
  reason: Reason;
}

/** Rules the team adopted from its decisions' suggestions: as strong as the team file's maps. */
function adoptedRules(item: WorkItem, settings: CompiledTeam, adjustment: SiteAdjustment | null | undefined): TeamRule[] {
  const rules = settings.team && adjustment?.rules.get(settings.team.id);
  if (!rules) return [];
  const fired: TeamRule[] = [];
  const check = (signal: 'issue-type' | 'label' | 'component', field: string, value: string) => {
    const rule = rules.get(`${signal}:${value.trim().toLowerCase()}`);
    const logit = TEAM_RULE_LOGIT * settings.weight(signal);
    if (rule && logit > 0) fired.push({ role: rule.role, logit, reason: { signal, role: rule.role, weight: round(logit), evidence: { field, value }, text: `${describeRule({ kind: signal, value, role: rule.role })}: a rule the team adopted from ${rule.decisions} agreeing decisions` } });
  };
  check('issue-type', 'issuetype', item.issueType);
  for (const label of item.labels) check('label', 'labels', label);
  for (const component of item.components) check('component', 'components', component);
  return fired;
}

/** Team-file rules that fire for the item: they add to a role's score, after the model. */
function teamRules(item: WorkItem, settings: CompiledTeam): TeamRule[] {
  const rules: TeamRule[] = [];
  const rule = (signal: 'issue-type' | 'label' | 'component', role: string, field: string, value: string, text: string) => {
    const logit = TEAM_RULE_LOGIT * settings.weight(signal);
    if (logit > 0) rules.push({ role, logit, reason: { signal, role, weight: round(logit), evidence: { field, value }, text } });
  };
  const type = item.issueType.trim().toLowerCase();
  for (const name in settings.typeOverrides) {
    if (name.trim().toLowerCase() === type) rule('issue-type', settings.typeOverrides[name] as string, 'issuetype', item.issueType, `issue type ${item.issueType}: mapped in the team file to ${settings.typeOverrides[name]}`);
  }
  for (const label of item.labels) {
    const role = settings.labelRoles.get(label.toLowerCase());
    if (role) rule('label', role, 'labels', label, `label "${label}": mapped in the team file to ${role}`);
  }
  for (const component of item.components) {
    const role = settings.componentRoles.get(component.toLowerCase());
    if (role) rule('component', role, 'components', component, `component "${component}": mapped in the team file to ${role}`);
  }
  for (const matcher of settings.extraRoleMatchers) {
    const inSummary = findCues(matcher, item.summary);
    const cues = [...new Set([...inSummary, ...findCues(matcher, item.description.slice(0, 2000)), ...item.labels.flatMap((l) => findCues(matcher, l))])];
    const logit = EXTRA_ROLE_LOGIT * Math.min(2, cues.length) * settings.weight('extra-role');
    if (logit > 0) {
      const where = inSummary.length > 0 ? 'summary' : 'description';
      rules.push({ role: matcher.role, logit, reason: { signal: 'extra-role', role: matcher.role, weight: round(logit), evidence: { field: where, value: cues.slice(0, 4).join(', ') }, text: `${where} mentions ${cues.slice(0, 4).map((c) => `“${c}”`).join(', ')}` } });
    }
  }
  return rules;
}

const scratch = new Float64Array(8);

function learnedReasons(adjustment: SiteAdjustment, features: ReturnType<typeof extractFeatures>, settings: CompiledTeam, classes: readonly string[], lead: number, against: number): Reason[] {
  const reasons: Reason[] = [];
  for (const pull of learnedPulls(adjustment, features, settings.weight, lead, against)) {
    if (reasons.length === MAX_LEARNED_REASONS || Math.abs(pull.weight) < MIN_LEARNED_WEIGHT) break;
    const role = classes[pull.weight > 0 ? lead : against] as string;
    const weight = round(Math.abs(pull.weight));
    reasons.push({ signal: 'learned', role, weight, evidence: { field: 'decisions on this site', value: pull.what }, text: `learned from ${adjustment.decisions} decisions on this site: ${pull.what} → ${role} (+${weight})` });
  }
  return reasons;
}

/**
 * The model starts from a lean before it reads any field (its intercept: most items on a site
 * are backlog work). When the item's own signals do not outweigh that lean, the lean is what
 * decided, and a reader shown only the fields would see reasons that point the other way.
 */
function startingLean(model: AttributionModel, p: Float64Array, classes: readonly string[], lead: number, against: number): Reason | null {
  const pull = ((model.bias[lead] as number) - (model.bias[against] as number)) / model.temperature;
  const gap = Math.log((p[lead] as number) / (p[against] as number));
  if (pull < MIN_REASON_WEIGHT || gap > pull) return null;
  const role = classes[lead] as string;
  const other = classes[against] as string;
  return { signal: 'starting-lean', role, weight: round(pull), evidence: { field: '(model)', value: `starts ${role} over ${other}` }, text: `the model's starting lean toward ${role} over ${other}: no field outweighs it` };
}

export function modelAnswer(model: AttributionModel, item: WorkItem, settings: CompiledTeam, parent: Pick<Verdict, 'key' | 'role'> | undefined, adjustment?: SiteAdjustment | null): ModelAnswer {
  const features = extractFeatures({ item, settings, parent });
  const rules = adjustment ? [...teamRules(item, settings), ...adoptedRules(item, settings, adjustment)] : teamRules(item, settings);
  let classes = model.classes;
  for (const r of rules) if (!classes.includes(r.role)) classes = [...classes, r.role];
  const z = classes.length <= scratch.length ? scratch : new Float64Array(classes.length);
  modelLogits(model, features, settings.weight, z);
  const k = model.classes.length;
  for (let c = 0; c < classes.length; c++) z[c] = c < k ? (z[c] as number) / model.temperature : Number.NEGATIVE_INFINITY;
  const learned = adjustment && rules.length === 0 && settings.learn && adjustment.modelVersion === model.version ? adjustment : null;
  if (learned) addSiteLogits(learned, features, settings.weight, z);
  for (const r of rules) {
    const c = classes.indexOf(r.role);
    z[c] = (z[c] === Number.NEGATIVE_INFINITY ? 0 : (z[c] as number)) + r.logit;
  }
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < classes.length; c++) max = Math.max(max, z[c] as number);
  let sum = 0;
  for (let c = 0; c < classes.length; c++) {
    z[c] = Math.exp((z[c] as number) - max);
    sum += z[c] as number;
  }
  for (let c = 0; c < classes.length; c++) z[c] = (z[c] as number) / sum;

  // `decide` reads one probability per class; the scratch array may be longer.
  const decision = decide(z, classes, settings.minConfidence ?? model.threshold, settings.minMargin);
  const lead = decision.leading;
  const against = decision.runnerUp;
  const reasons: Reason[] = rules.map((r) => r.reason);
  // Pulls are measured between the two most probable roles, which is what a reader weighs.
  if (lead < k && against < k) {
    for (const f of features.named) {
      const d = namedPull(model, f.bucket, f.x * settings.weight(f.signal), lead, against);
      if (Math.abs(d) < MIN_REASON_WEIGHT) continue;
      const existing = reasons.find((r) => r.signal === f.signal && r.evidence.field === f.field && r.evidence.value === f.value);
      if (existing && existing.role === classes[d > 0 ? lead : against]) existing.weight = round(existing.weight + Math.abs(d));
      else reasons.push({ signal: f.signal, role: classes[d > 0 ? lead : against] as string, weight: round(Math.abs(d)), evidence: { field: f.field, value: f.value }, text: f.text });
    }
    const pulls = wordPulls(model, features, settings.weight, lead, against);
    for (const [to, list] of [[lead, pulls.toward], [against, pulls.away]] as const) {
      for (const pull of list) {
        if (pull.weight < MIN_REASON_WEIGHT) continue;
        const role = classes[to] as string;
        const weight = round(pull.weight);
        reasons.push({ signal: 'words', role, weight, evidence: { field: pull.field, value: pull.words.join(', ') }, text: `${pull.field}: ‘${pull.words.join('’, ‘')}’ → ${role} +${weight}` });
      }
    }
    if (learned) reasons.push(...learnedReasons(learned, features, settings, classes, lead, against));
    const lean = startingLean(model, z, classes, lead, against);
    if (lean) reasons.push(lean);
  }
  reasons.sort((a, b) => b.weight - a.weight);
  if (reasons.length > MAX_REASONS) reasons.length = MAX_REASONS;
  const role = classes[decision.index] as string;
  if (role === UNCLEAR) {
    const ranked = classes.map((c, i) => [c, z[i] as number] as const).sort((a, b) => b[1] - a[1]);
    const scores = ranked.map(([c, p]) => `${c} ${percent(p)}`).join(', ');
    const leadRole = classes[lead] as string;
    const needed = settings.minConfidence ?? model.threshold;
    const top = `${leadRole} at ${percent(z[lead] as number)}`;
    let text = `not sure enough: ${top} is below the ${percent(needed)} needed to answer (${scores})`;
    if (leadRole === UNCLEAR) text = `too little to go on: ${scores}`;
    // Confident enough, yet the team's minMargin found the runner-up too close.
    else if ((z[lead] as number) >= needed) text = `not sure enough: ${top} leads ${classes[against]} at ${percent(z[against] as number)} by less than the ${Math.round((settings.minMargin ?? 0) * 100)} points the team file asks for (${scores})`;
    reasons.unshift({ signal: 'margin', role: UNCLEAR, weight: 0, evidence: { field: '(scores)', value: scores }, text });
  }
  return { role, confidence: round(decision.confidence), reasons };
}
