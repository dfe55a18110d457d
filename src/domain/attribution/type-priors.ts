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
  /**
   * Generic delivery forms (story, task): they say how work is written down, not what it is about,
   * so without sprint, estimate or acceptance criteria they count for less.
   */
  generic?: boolean;
}

const story = (weight: number): TypePrior => ({ role: PO, weight, because: 'backlog item (story level)', generic: true });
const bug = (weight: number): TypePrior => ({ role: PO, weight, because: 'defect fixed through the backlog' });
const subtask = (weight: number): TypePrior => ({ role: PO, weight, because: 'sub-task of sprint work' });
const task = (weight: number): TypePrior => ({ role: PO, weight, because: 'delivery task in the backlog', generic: true });
const roadmap = (weight: number): TypePrior => ({ role: PM, weight, because: 'roadmap-level item' });
const discovery = (weight: number): TypePrior => ({ role: PM, weight, because: 'product discovery / strategy item' });

const TABLE: Record<string, TypePrior> = {
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
};

/** Looks a type name up case- and space-insensitively; unknown types return null. */
export function typePrior(typeName: string, overrides: Record<string, string> = {}): TypePrior | null {
  const name = typeName.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const key in overrides) {
    if (key.trim().toLowerCase() === name) return { role: overrides[key] as string, weight: 2.5, because: 'type mapped in the team file' };
  }
  return TABLE[name] ?? null;
}
