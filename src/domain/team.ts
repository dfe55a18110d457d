/**
 * What the domain needs to know about a team. The config schema's `Team` satisfies it; the
 * domain keeps its own shape so it never imports config or adapters.
 */
export interface PersonRefLike {
  slack?: string;
  jira?: string;
  email?: string;
  name?: string;
}

export interface TeamProfile {
  id: string;
  name: string;
  jira: { projects: string[]; boards: number[]; components: string[]; teamField?: string };
  /** null: vacant on purpose; undefined: not configured. */
  po?: PersonRefLike | null;
  pm?: PersonRefLike | null;
  members: PersonRefLike[];
  roles: { id: string; title: string; people: PersonRefLike[]; cues: string[] }[];
  channel?: string;
  timezone: string;
  digest: { enabled: boolean; cron: string; timezone?: string };
  nudges: {
    enabled: boolean;
    target: 'channel' | 'dm';
    cooldownDays: number;
    dailyCapPerChannel: number;
    topN: number;
    workingHours: [number, number];
    workingDays: number[];
    escalateAfterDays: number;
  };
  acceptance: {
    enabled: boolean;
    statuses: string[];
    acceptTransition: string;
    rejectTransition: string;
    acceptedResolution: string;
    reminderHour: number;
    workingDays: number[];
    escalateAfterDays: number;
    escalateAfterReminders: number;
    delegates: PersonRefLike[];
  };
  attribution: {
    weights: Record<string, number>;
    minConfidence?: number;
    minMargin?: number;
    issueTypes: Record<string, string>;
    labels: Record<string, string>;
    components: Record<string, string>;
    /** false: the team's items are attributed by the global model alone, its decisions teach nothing. */
    learn?: boolean;
  };
  writeBack: boolean;
  showRestrictedToRequester: boolean;
}
