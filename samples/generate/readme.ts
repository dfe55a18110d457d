/** Renders samples/README.md from the built site, so counts and keys in it are always current. */
import type { BuiltIssues } from './build-issues.js';
import type { ProjectKey } from './projects.js';

const TEAM_OF: Record<ProjectKey, string> = {
  PAY: 'Payments',
  GRO: 'Growth',
  IDEA: 'Growth',
  PLAT: 'Platform',
  OPS: '— (unmatched)',
};

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

function table(header: string[], rows: string[][]): string {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

function nameOf(value: unknown): string {
  return String((value as { name?: string } | null)?.name ?? '');
}

export function renderReadme(built: BuiltIssues): string {
  const projects = Object.keys(built.issues) as ProjectKey[];
  const all = projects.flatMap((project) => built.issues[project].map((issue) => ({ project, issue })));
  const types = [...countBy(all.map(({ issue }) => nameOf(issue.fields.issuetype))).keys()];
  const projectRows = projects.map((project) => {
    const issues = built.issues[project];
    const byType = countBy(issues.map((issue) => nameOf(issue.fields.issuetype)));
    return [project, TEAM_OF[project], String(issues.length), ...types.map((type) => String(byType.get(type) ?? 0))];
  });
  const statusRows = [...countBy(all.map(({ project, issue }) => `${project}\u0000${nameOf(issue.fields.status)}`)).entries()].map(([key, count]) => {
    const [project, status] = key.split('\u0000');
    return [project ?? '', status ?? '', String(count)];
  });
  const edgeRows = built.edges.map((edge) => [edge.key, edge.summary.replaceAll('|', '\\|'), edge.edge]);
  const decisionRows = Object.entries(built.properties).map(([key, value]) => {
    const decision = value['who-owns.decision'] as { role: string; decidedBy: { displayName: string } };
    return [key, decision.role, decision.decidedBy.displayName];
  });
  return `# Sample Jira site: Acme Pay

\`npm run demo\` runs who-owns against this folder instead of a real Jira site. A loopback server
(src/demo/sample-jira-server.ts) serves the files in \`jira/\` to jira.js exactly as Jira Cloud REST
API v3 and the Jira Software agile API would, so the demo exercises the same adapter code that talks
to a real site. The team file is [who-owns.yaml](who-owns.yaml).

Acme Pay is a fictional payments company (site https://acme-pay.atlassian.net, Jira Cloud Premium
with an Initiative level above epics). "Today" on the site is **Monday 2026-11-23**.

Everything in \`jira/\` is generated: edit the tables in \`generate/items/*.ts\` and run

    npm run samples:generate        # = npx tsx samples/generate/index.ts

The generator is seeded, so an unchanged generator reproduces the same files byte for byte
(test/samples checks this, and checks the files against Atlassian's OpenAPI schemas).

## Teams

| team | projects / boards | Product Owner | Product Manager |
|---|---|---|---|
| Payments | PAY, board 12 (scrum) | Priya Nair | Marco Rossi |
| Growth | GRO, board 21 (scrum), IDEA (Product Discovery), component Checkout | Dana Kim | Dana Kim (same person) |
| Platform | PLAT, board 31 (scrum), component Checkout | Sam Okafor | vacant |
| — | OPS, board 41 (kanban) | nobody claims it | |

Other people: Lena Vogel (payments dev lead), Tomás Herrera and Jonas Becker (payments engineers),
Aiko Tanaka (payments QA), Ravi Menon and Ben Adler (growth engineers), Chloé Martin (growth designer),
Arjun Mehta, Mei Lin and Kwame Asante (platform engineers), Olivia Grant (support operations), and
the Automation for Jira app user.

## Items (${all.length})

${table(['project', 'team', 'items', ...types], projectRows)}

By status:

${table(['project', 'status', 'items'], statusRows)}

## Deliberate cases

These items exist to show what who-owns does with the hard parts of a real backlog
(waiting acceptance, unclear ownership, conflicts, unmatched and restricted items):

${table(['key', 'summary', 'why it is here'], edgeRows)}

Recorded decisions (issue property \`who-owns.decision\`, in \`jira/properties.json\`):

${table(['key', 'role', 'decided by'], decisionRows)}

## Files

| file | Jira endpoint it stands for |
|---|---|
| jira/site.json | site metadata (base URL, Cloud) |
| jira/field.json | GET /rest/api/3/field |
| jira/issuetype.json | GET /rest/api/3/issuetype |
| jira/projects.json | GET /rest/api/3/project/search → \`values\` |
| jira/boards.json | GET /rest/agile/1.0/board |
| jira/sprints/<boardId>.json | GET /rest/agile/1.0/board/{boardId}/sprint (none for the kanban board 41) |
| jira/versions/<PROJECT>.json | GET /rest/api/3/project/{key}/versions |
| jira/search/<PROJECT>-<n>.json | POST /rest/api/3/search/jql, page n of \`project = <PROJECT> ORDER BY Rank\` (50 per page, \`nextPageToken\` until \`isLast\`) |
| jira/changelogs.json | POST /rest/api/3/changelog/bulkfetch (status and sprint changes of every item) |
| jira/transitions.json | status name → GET /rest/api/3/issue/{key}/transitions for an issue in that status |
| jira/properties.json | issue key → issue properties (GET /rest/api/3/issue/{key}/properties/{propertyKey} values) |

Shapes worth knowing when reading the files:
- Descriptions and the "Acceptance criteria" text field (customfield_10035) are ADF documents, as API v3 returns every rich-text field.
- Timestamps on issues and changelogs use Jira's \`2026-11-16T09:12:44.123+0000\` form; sprint dates use \`…Z\`.
- Custom field ids: Team 10001, Epic Name 10011, Epic Link 10014, Start date 10015, Story point estimate 10016, Parent Link 10018, Rank 10019, Sprint 10020, Flagged 10021, Target start 10022, Target end 10023, Story Points 10028, Acceptance criteria 10035. Resolve them by name or schema from field.json, as on a real site.
- Product Discovery ideas (IDEA) use a project-scoped issue type and statuses (Parking lot, Discovery, Ready for delivery, Delivery, Launched, Won't do) and carry no software fields (sprint, story points).
- \`nextPageToken\` values are opaque, as on Cloud: a server replaying the pages maps each token to the page file that follows it. \`changelogs.json\` is a single bulk-fetch response covering every item (no further page).
- \`transitions.json\` is keyed by status name; "In Progress" lists the union of the outgoing transitions of the three delivery workflows.
`;
}
