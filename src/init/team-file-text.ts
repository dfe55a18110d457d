import type { FieldMap } from '../jira/field-map.js';
import type { PersonProposal, TeamProposal } from './propose-teams.js';

/** JSON is YAML: every value is written quoted and escaped. */
const q = (value: string | number): string => JSON.stringify(value);

function person(p: PersonProposal): string {
  const parts = (['email', 'slack', 'jira', 'name'] as const).filter((k) => p[k]).map((k) => `${k}: ${q(p[k] as string)}`);
  return `{ ${parts.join(', ')} }`;
}

const FIELD_LABELS: [keyof FieldMap, string, string][] = [
  ['storyPoints', 'Story points', 'estimates point to the PO'],
  ['sprint', 'Sprint', 'sprint work points to the PO'],
  ['acceptanceCriteria', 'Acceptance criteria', 'acceptance criteria point to the PO'],
  ['targetStart', 'Target start', 'roadmap dates point to the PM'],
  ['targetEnd', 'Target end', 'roadmap dates point to the PM'],
  ['team', 'Team', 'the Team field maps items to teams'],
  ['rank', 'Rank', 'backlog order'],
];

function teamText(t: TeamProposal): string[] {
  const lines = [`  - id: ${t.id}`, `    name: ${q(t.name)}`, `    jira: { projects: [${q(t.project)}], boards: [${t.boards.join(', ')}] }`];
  if (t.po) lines.push('    # Product Owner (backlog, stories, acceptance). An email alone is enough.', `    po: ${person(t.po)}`);
  else lines.push('    # Product Owner: not known yet. Add one, e.g. po: { email: "po@example.com" }');
  if (t.pm) lines.push('    # Product Manager (roadmap, strategy, pricing, launches).', `    pm: ${person(t.pm)}`);
  else lines.push('    # Product Manager: not known yet. Add one, e.g. pm: { email: "pm@example.com" }, or pm: null for a vacant seat.');
  if (t.channel) {
    lines.push(t.channel.isMember ? `    # #${t.channel.name}: nudges and the weekly digest go here.` : `    # #${t.channel.name}: who-owns is not a member yet; type /invite @who-owns there.`);
    lines.push(`    channel: ${t.channel.id}`);
  } else lines.push('    # No channel matched the project: add channel: C… for nudges and the weekly digest.');
  lines.push(`    timezone: ${t.timezone}`);
  if (t.acceptance) {
    lines.push('    acceptance:', `      # Read from ${t.acceptance.readFrom}, which waits in "${t.acceptance.statuses[0]}".`, `      statuses: [${t.acceptance.statuses.map(q).join(', ')}]`);
    if (t.acceptance.acceptTransition) lines.push(`      acceptTransition: ${q(t.acceptance.acceptTransition)}`);
    else lines.push('      # No transition looked like "accept"; set acceptTransition to the workflow\'s name for it.');
    if (t.acceptance.rejectTransition) lines.push(`      rejectTransition: ${q(t.acceptance.rejectTransition)}`);
    else lines.push('      # No transition looked like "reject"; set rejectTransition to the workflow\'s name for it.');
  } else lines.push('    # No item waits for acceptance yet: the defaults apply (statuses "Ready for acceptance" and the like,', '    # transitions "Accept" / "Reject"). `npx who-owns doctor` checks them once an item waits.');
  return lines;
}

/** The commented team file `init` writes. */
export function teamFileText(options: { site: string; teams: readonly TeamProposal[]; fields: FieldMap; fieldNames: Record<string, string>; at: Date }): string {
  const fieldLines = FIELD_LABELS.map(([key, label, signal]) => {
    const value = options.fields[key];
    const ids = Array.isArray(value) ? value : value ? [value] : [];
    return ids.length ? `#   ${label}: ${ids.map((id) => `"${options.fieldNames[id] ?? id}" (${id})`).join(', ')}` : `#   ${label}: not found, so "${signal}" stays off`;
  });
  return [
    `# who-owns team file, written by \`who-owns init\` from ${options.site} on ${options.at.toISOString().slice(0, 10)}.`,
    '# Every key is explained in config/who-owns.example.yaml.',
    '# Next: npx who-owns config check <this file>, then npx who-owns doctor.',
    `site: ${options.site}`,
    '',
    '# Custom fields found on the site (found again at each sync; nothing to set here):',
    ...fieldLines,
    '',
    'teams:',
    ...options.teams.flatMap((t, i) => [...(i > 0 ? [''] : []), ...teamText(t)]),
    '',
  ].join('\n');
}
