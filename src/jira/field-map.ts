/**
 * Where a site keeps the fields who-owns reads. Custom field ids differ per site, so they are
 * resolved from `GET /rest/api/{2,3}/field` (by schema type first, then by name) or from the
 * `names` map of a search response.
 */
export interface FieldMap {
  sprint?: string;
  /** Every story-point field the site has ("Story point estimate", "Story Points"); first non-empty wins. */
  storyPoints: string[];
  targetStart?: string;
  targetEnd?: string;
  team?: string;
  acceptanceCriteria?: string;
  epicName?: string;
  epicLink?: string;
  parentLink?: string;
  rank?: string;
}

export interface FieldDescription {
  id: string;
  name?: string;
  custom?: boolean;
  schema?: { type?: string; custom?: string; customId?: number };
}

/** Ids Jira Cloud gives these fields on most sites; used when nothing better is known. */
export const DEFAULT_CLOUD_FIELD_MAP: FieldMap = {
  sprint: 'customfield_10020',
  storyPoints: ['customfield_10016', 'customfield_10028'],
  targetStart: 'customfield_10022',
  targetEnd: 'customfield_10023',
  team: 'customfield_10001',
  epicName: 'customfield_10011',
  epicLink: 'customfield_10014',
  parentLink: 'customfield_10018',
  rank: 'customfield_10019',
};

const BY_SCHEMA: Record<string, keyof Omit<FieldMap, 'storyPoints'> | 'storyPoints'> = {
  'com.pyxis.greenhopper.jira:gh-sprint': 'sprint',
  'com.pyxis.greenhopper.jira:jsw-story-points': 'storyPoints',
  'com.atlassian.jpo:jpo-custom-field-baseline-start': 'targetStart',
  'com.atlassian.jpo:jpo-custom-field-baseline-end': 'targetEnd',
  'com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team': 'team',
  'com.atlassian.teams:rm-teams-custom-field-team': 'team',
  'com.pyxis.greenhopper.jira:gh-epic-label': 'epicName',
  'com.pyxis.greenhopper.jira:gh-epic-link': 'epicLink',
  'com.atlassian.jpo:jpo-custom-field-parent': 'parentLink',
  'com.pyxis.greenhopper.jira:gh-lexo-rank': 'rank',
};

const BY_NAME: [RegExp, keyof FieldMap][] = [
  [/^sprint$/i, 'sprint'],
  [/^story ?points?( estimate)?$/i, 'storyPoints'],
  [/^target start$/i, 'targetStart'],
  [/^target end$/i, 'targetEnd'],
  [/^team$/i, 'team'],
  [/^acceptance criteria$/i, 'acceptanceCriteria'],
  [/^epic name$/i, 'epicName'],
  [/^epic link$/i, 'epicLink'],
  [/^parent link$/i, 'parentLink'],
  [/^rank$/i, 'rank'],
];

function assign(map: FieldMap, key: keyof FieldMap, id: string): void {
  if (key === 'storyPoints') {
    if (!map.storyPoints.includes(id)) map.storyPoints.push(id);
  } else if (!map[key]) {
    map[key] = id;
  }
}

/** Resolves the field map from a `GET /field` response. */
export function fieldMapFromFields(fields: readonly FieldDescription[]): FieldMap {
  const map: FieldMap = { storyPoints: [] };
  const custom = fields.filter((f) => f.id.startsWith('customfield_'));
  // Schema types are exact; names are what admins typed and only fill the gaps.
  for (const field of custom) {
    const key = field.schema?.custom ? BY_SCHEMA[field.schema.custom] : undefined;
    if (key) assign(map, key, field.id);
  }
  for (const field of custom) {
    const name = field.name?.trim() ?? '';
    for (const [pattern, key] of BY_NAME) {
      if (pattern.test(name)) assign(map, key, field.id);
    }
  }
  return map;
}

/** Resolves the field map from a search response's `names` (`expand=names`): id → display name. */
export function fieldMapFromNames(names: Record<string, string>): FieldMap {
  return fieldMapFromFields(Object.entries(names).map(([id, name]) => ({ id, name })));
}

const LEGACY_SPRINT = /^com\.atlassian\.greenhopper\.service\.sprint\.Sprint@/;
const LEXORANK = /^\d\|[0-9a-z]+:[0-9a-z]*$/i;

function looksLikeSprints(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  const first: unknown = value[0];
  if (typeof first === 'string') return LEGACY_SPRINT.test(first);
  return Boolean(first && typeof first === 'object' && 'state' in first && 'id' in first && ('boardId' in first || 'name' in first));
}

/**
 * For exports without `names` (a plain `/search` dump): recognises the sprint and rank fields by
 * their unmistakable values and keeps the Cloud defaults for the rest.
 */
export function fieldMapFromValues(issues: readonly unknown[], fallback: FieldMap = DEFAULT_CLOUD_FIELD_MAP): FieldMap {
  const map: FieldMap = { ...fallback, storyPoints: [...fallback.storyPoints] };
  for (const issue of issues) {
    const fields = (issue as { fields?: Record<string, unknown> } | null)?.fields;
    if (!fields || typeof fields !== 'object') continue;
    for (const id in fields) {
      if (!id.startsWith('customfield_')) continue;
      const value = fields[id];
      if (looksLikeSprints(value)) map.sprint = id;
      else if (typeof value === 'string' && LEXORANK.test(value)) map.rank = id;
    }
  }
  return map;
}
