/** GET /rest/api/3/field for the sample site: system fields and the custom fields the items use. */

/** Custom field ids, resolved by name or schema type by the adapter (they differ per site). */
export const CF = {
  team: 'customfield_10001',
  epicName: 'customfield_10011',
  epicLink: 'customfield_10014',
  startDate: 'customfield_10015',
  storyPointEstimate: 'customfield_10016',
  parentLink: 'customfield_10018',
  rank: 'customfield_10019',
  sprint: 'customfield_10020',
  flagged: 'customfield_10021',
  targetStart: 'customfield_10022',
  targetEnd: 'customfield_10023',
  storyPoints: 'customfield_10028',
  acceptanceCriteria: 'customfield_10035',
} as const;

interface SystemField {
  id: string;
  name: string;
  schema?: Record<string, unknown>;
  orderable: boolean;
  searchable: boolean;
  clauseNames: string[];
}

const SYSTEM_FIELDS: SystemField[] = [
  { id: 'summary', name: 'Summary', schema: { type: 'string', system: 'summary' }, orderable: true, searchable: true, clauseNames: ['summary'] },
  { id: 'description', name: 'Description', schema: { type: 'string', system: 'description' }, orderable: true, searchable: true, clauseNames: ['description'] },
  { id: 'issuetype', name: 'Issue Type', schema: { type: 'issuetype', system: 'issuetype' }, orderable: true, searchable: true, clauseNames: ['issuetype', 'type'] },
  { id: 'parent', name: 'Parent', orderable: true, searchable: true, clauseNames: ['parent'] },
  { id: 'project', name: 'Project', schema: { type: 'project', system: 'project' }, orderable: false, searchable: true, clauseNames: ['project'] },
  { id: 'status', name: 'Status', schema: { type: 'status', system: 'status' }, orderable: false, searchable: true, clauseNames: ['status'] },
  {
    id: 'statuscategorychangedate',
    name: 'Status Category Changed',
    schema: { type: 'datetime', system: 'statuscategorychangedate' },
    orderable: false,
    searchable: true,
    clauseNames: ['statusCategoryChangedDate'],
  },
  { id: 'resolution', name: 'Resolution', schema: { type: 'resolution', system: 'resolution' }, orderable: true, searchable: true, clauseNames: ['resolution'] },
  { id: 'resolutiondate', name: 'Resolved', schema: { type: 'datetime', system: 'resolutiondate' }, orderable: false, searchable: true, clauseNames: ['resolutiondate', 'resolved'] },
  { id: 'priority', name: 'Priority', schema: { type: 'priority', system: 'priority' }, orderable: true, searchable: true, clauseNames: ['priority'] },
  { id: 'labels', name: 'Labels', schema: { type: 'array', items: 'string', system: 'labels' }, orderable: true, searchable: true, clauseNames: ['labels'] },
  { id: 'components', name: 'Components', schema: { type: 'array', items: 'component', system: 'components' }, orderable: true, searchable: true, clauseNames: ['component'] },
  { id: 'fixVersions', name: 'Fix versions', schema: { type: 'array', items: 'version', system: 'fixVersions' }, orderable: true, searchable: true, clauseNames: ['fixVersion'] },
  { id: 'versions', name: 'Affects versions', schema: { type: 'array', items: 'version', system: 'versions' }, orderable: true, searchable: true, clauseNames: ['affectedVersion'] },
  { id: 'assignee', name: 'Assignee', schema: { type: 'user', system: 'assignee' }, orderable: true, searchable: true, clauseNames: ['assignee'] },
  { id: 'reporter', name: 'Reporter', schema: { type: 'user', system: 'reporter' }, orderable: true, searchable: true, clauseNames: ['reporter'] },
  { id: 'creator', name: 'Creator', schema: { type: 'user', system: 'creator' }, orderable: false, searchable: true, clauseNames: ['creator'] },
  { id: 'duedate', name: 'Due date', schema: { type: 'date', system: 'duedate' }, orderable: true, searchable: true, clauseNames: ['due', 'duedate'] },
  { id: 'created', name: 'Created', schema: { type: 'datetime', system: 'created' }, orderable: false, searchable: true, clauseNames: ['created', 'createdDate'] },
  { id: 'updated', name: 'Updated', schema: { type: 'datetime', system: 'updated' }, orderable: false, searchable: true, clauseNames: ['updated', 'updatedDate'] },
  { id: 'security', name: 'Security Level', schema: { type: 'securitylevel', system: 'security' }, orderable: true, searchable: true, clauseNames: ['level'] },
  { id: 'issuelinks', name: 'Linked Issues', schema: { type: 'array', items: 'issuelinks', system: 'issuelinks' }, orderable: true, searchable: true, clauseNames: ['issueLink'] },
  { id: 'subtasks', name: 'Sub-tasks', schema: { type: 'array', items: 'issuelinks', system: 'subtasks' }, orderable: false, searchable: true, clauseNames: ['subtasks'] },
  { id: 'watches', name: 'Watchers', schema: { type: 'watches', system: 'watches' }, orderable: false, searchable: true, clauseNames: ['watchers'] },
  { id: 'votes', name: 'Votes', schema: { type: 'votes', system: 'votes' }, orderable: false, searchable: false, clauseNames: ['votes'] },
  { id: 'issuekey', name: 'Key', orderable: false, searchable: false, clauseNames: ['id', 'issue', 'issuekey', 'key'] },
];

interface CustomFieldDef {
  id: string;
  name: string;
  type: string;
  items?: string;
  custom: string;
}

const CUSTOM_FIELDS: CustomFieldDef[] = [
  { id: CF.team, name: 'Team', type: 'team', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team' },
  { id: CF.epicName, name: 'Epic Name', type: 'string', custom: 'com.pyxis.greenhopper.jira:gh-epic-label' },
  { id: CF.epicLink, name: 'Epic Link', type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-epic-link' },
  { id: CF.startDate, name: 'Start date', type: 'date', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:datepicker' },
  { id: CF.storyPointEstimate, name: 'Story point estimate', type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points' },
  { id: CF.parentLink, name: 'Parent Link', type: 'any', custom: 'com.atlassian.jpo:jpo-custom-field-parent' },
  { id: CF.rank, name: 'Rank', type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-lexo-rank' },
  { id: CF.sprint, name: 'Sprint', type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint' },
  { id: CF.flagged, name: 'Flagged', type: 'array', items: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes' },
  { id: CF.targetStart, name: 'Target start', type: 'date', custom: 'com.atlassian.jpo:jpo-custom-field-baseline-start' },
  { id: CF.targetEnd, name: 'Target end', type: 'date', custom: 'com.atlassian.jpo:jpo-custom-field-baseline-end' },
  { id: CF.storyPoints, name: 'Story Points', type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float' },
  { id: CF.acceptanceCriteria, name: 'Acceptance criteria', type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textarea' },
];

function customFieldDetails(field: CustomFieldDef): Record<string, unknown> {
  const customId = Number(field.id.replace('customfield_', ''));
  const schema: Record<string, unknown> = { type: field.type };
  if (field.items) schema.items = field.items;
  schema.custom = field.custom;
  schema.customId = customId;
  return {
    id: field.id,
    key: field.id,
    name: field.name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${customId}]`, field.name, `${field.name}[${clauseSuffix(field)}]`],
    schema,
  };
}

function clauseSuffix(field: CustomFieldDef): string {
  if (field.type === 'number') return 'Number';
  if (field.type === 'date') return 'Date';
  if (field.custom.endsWith(':textarea')) return 'Paragraph';
  if (field.type === 'array' && field.items === 'option') return 'Checkboxes';
  return 'Short text';
}

export function fieldList(): Record<string, unknown>[] {
  const system = SYSTEM_FIELDS.map((field) => {
    const details: Record<string, unknown> = {
      id: field.id,
      key: field.id,
      name: field.name,
      custom: false,
      orderable: field.orderable,
      navigable: true,
      searchable: field.searchable,
      clauseNames: field.clauseNames,
    };
    if (field.schema) details.schema = field.schema;
    return details;
  });
  return [...system, ...CUSTOM_FIELDS.map(customFieldDetails)];
}
