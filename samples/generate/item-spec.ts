/** How the hand-written item tables describe one Jira item. */
import type { PriorityName, ResolutionName, SecurityLevelName, TeamKey, TypeName } from './catalogue.js';
import type { PersonKey } from './people.js';

export interface DecisionSpec {
  role: 'PO' | 'PM' | 'none';
  owner?: PersonKey;
  by: PersonKey;
  /** ISO timestamp. */
  at: string;
}

export interface ItemSpec {
  /** Stable handle the tables use for parent links; keys are assigned by creation date. */
  ref: string;
  type: TypeName;
  summary: string;
  status: string;
  /** Description in the notation of adf.ts; absent means the item has no description. */
  desc?: string;
  /** Text of the dedicated "Acceptance criteria" field (customfield_10035). */
  ac?: string;
  parent?: string;
  assignee?: PersonKey;
  /** Defaults to the project lead. */
  reporter?: PersonKey;
  labels?: string[];
  components?: string[];
  /** Sprint ids, oldest first (items carried over sit in several). */
  sprints?: number[];
  points?: number;
  /** Fix version names of the item's project. */
  fix?: string[];
  priority?: PriorityName;
  due?: string;
  /** Target start / target end (Advanced Roadmaps). */
  target?: [string, string];
  security?: SecurityLevelName;
  team?: TeamKey;
  /** yyyy-mm-dd or yyyy-mm-ddThh:mm (UTC). Derived from sprints when absent. */
  created?: string;
  /** When the item entered its current status. Derived when absent. */
  statusAt?: string;
  resolution?: ResolutionName;
  /** A story moved straight to Done by the developer, never accepted. */
  skipAcceptance?: boolean;
  flagged?: boolean;
  decision?: DecisionSpec;
  /** Why the item is a deliberate edge case; listed in samples/README.md. */
  edge?: string;
}
