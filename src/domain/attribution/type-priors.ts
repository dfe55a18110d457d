import { PM, PO } from '../verdict.js';

/**
 * What an issue type's name says about its owner, for type names seen on real Jira sites
 * (Cloud defaults, Advanced Roadmaps, Product Discovery and the 16 public sites of Montgomery
 * et al., "An Alternative Issue Tracking Dataset of Public Jira Repositories", MSR 2022, CC BY 4.0).
 * Weights: ~2–3 a type that settles it alone, ~1 a lean, below 1 a hint.
 */
export interface TypePrior {
  role: string;
  weight: number;
  /** Why, in words a person recognises. */
  because: string;
}

const story = (weight: number): TypePrior => ({ role: PO, weight, because: 'backlog item (story level)' });
const bug = (weight: number): TypePrior => ({ role: PO, weight, because: 'defect fixed through the backlog' });
const subtask = (weight: number): TypePrior => ({ role: PO, weight, because: 'sub-task of sprint work' });
const task = (weight: number): TypePrior => ({ role: PO, weight, because: 'delivery task in the backlog' });
const roadmap = (weight: number): TypePrior => ({ role: PM, weight, because: 'roadmap-level item' });
const discovery = (weight: number): TypePrior => ({ role: PM, weight, because: 'product discovery / strategy item' });

const TABLE = new Map<string, TypePrior>(Object.entries({
  story: story(2),
  'user story': story(2),
  requirement: story(1),
  'technical requirement': story(1),
  'sub-requirement': story(1),
  bug: bug(2),
  defect: bug(2),
  'story defect': bug(2),
  'sub-bug': bug(2),
  'production issue': bug(1.2),
  incident: bug(1),
  outage: bug(0.8),
  'sub-task': subtask(2.2),
  subtask: subtask(2.2),
  'dev sub-task': subtask(2.2),
  'qe sub-task': subtask(2.2),
  'docs sub-task': subtask(2),
  'backport sub-task': subtask(2),
  'component upgrade subtask': subtask(2),
  task: task(1.2),
  'dev task': task(1.4),
  'development task': task(1.4),
  'technical task': task(1.4),
  'simple task': task(1.2),
  'qe task': task(1.4),
  test: task(1.2),
  'test task': task(1.2),
  improvement: task(1),
  enhancement: task(1),
  refactoring: task(1.4),
  'technical debt': task(1.4),
  'tech debt': task(1.4),
  spike: task(0.6),
  investigation: task(0.6),
  documentation: task(0.8),
  'docs task': task(0.8),
  'change request': task(0.6),
  backport: task(1.2),
  'dependency upgrade': task(1.2),
  'library upgrade': task(1.2),
  'component upgrade': task(1.2),
  design: task(0.4),
  epic: roadmap(0.6),
  feature: roadmap(1.2),
  'new feature': roadmap(0.6),
  'feature request': discovery(0.8),
  initiative: roadmap(3),
  theme: roadmap(3),
  'roadmap item': roadmap(3),
  objective: roadmap(3),
  okr: roadmap(3),
  outcome: roadmap(2.5),
  capability: roadmap(2),
  'market problem': discovery(3),
  idea: discovery(2.5),
  'product idea': discovery(2.5),
  opportunity: discovery(2.5),
  'business case': discovery(2.5),
  'business requirement': discovery(1.5),
  'success metric': discovery(2),
  proposal: discovery(1),
  research: discovery(0.6),
  'pricing change': discovery(2),
  // More names from the public sites (jira_issuetype_information, Montgomery et al., CC BY 4.0).
  'bug/defect': bug(2),
  'story bug': bug(2),
  'design bug': bug(1.5),
  fault: bug(1.5),
  cosmetic: bug(1),
  typo: bug(1),
  'build failure': bug(1.2),
  'release blocker': bug(1.2),
  'production story': story(2),
  'ux story': story(2),
  'tech story': story(1.5),
  'technical story': story(1.5),
  'dev. sub-task': subtask(2.2),
  'development sub-task': subtask(2.2),
  'documentation sub-task': subtask(2),
  'simple sub-task': subtask(2),
  'personal sub-task': subtask(2),
  'refactor sub-task': subtask(2.2),
  'approval subtask': subtask(1.5),
  'crucible subtask': subtask(1.5),
  'rca(sub)': subtask(1.5),
  refactor: task(1.4),
  'flakey test': task(1.4),
  'qa task': task(1.4),
  'testing task': task(1.2),
  'test case': task(1),
  testing: task(1),
  'build task': task(1.2),
  'devops task': task(1.2),
  coding: task(1.2),
  patch: task(1.2),
  'support patch': task(1),
  'technical improvement': task(1.2),
  'technical feature': task(1),
  'conversion script': task(1),
  performance: task(1),
  dependency: task(1),
  'design task': task(0.6),
  infrastructure: task(0.8),
  infra: task(0.8),
  doc: task(0.8),
  'doc ui': task(0.8),
  'doc api': task(0.8),
  'terminology update': task(0.8),
  'ad-hoc task': task(0.8),
  'bu initiative': roadmap(3),
  'forge initiative': roadmap(3),
  program: roadmap(2),
  'forge program': roadmap(2),
  'roadmap deliverable': roadmap(2),
  milestone: roadmap(1),
  'release milestone': roadmap(1),
  umbrella: roadmap(0.8),
  'pm decision': discovery(2.5),
  pricing: discovery(2.5),
  licensing: discovery(2),
  'customer problem': discovery(2),
  innovation: discovery(2),
  'idea / feature request': discovery(1.5),
  brainstorming: discovery(1.5),
  pain: discovery(1.5),
  'marketing request': discovery(1.5),
  experiment: discovery(1.2),
  'a/b test': discovery(1),
  gap: discovery(1),
  parity: discovery(1),
  wish: discovery(1),
  suggestion: discovery(1),
  policy: discovery(1),
  rfe: discovery(0.8),
}));

/** Looks a type name up case- and space-insensitively; unknown types return null. Team-file maps apply in model-verdict.ts. */
export function typePrior(typeName: string): TypePrior | null {
  return TABLE.get(typeKey(typeName)) ?? null;
}

/** A type name as types are compared: lower case, spaces collapsed. */
export function typeKey(typeName: string): string {
  return typeName.trim().toLowerCase().replace(/\s+/g, ' ');
}
