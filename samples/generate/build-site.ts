/** Builds every file of samples/jira/ (and samples/README.md) in memory, deterministically. */
import { buildIssues, type IssueBean } from './build-issues.js';
import { issueTypeList } from './catalogue.js';
import { fieldList } from './fields.js';
import { GRO_ITEMS } from './items/gro.js';
import { IDEA_ITEMS } from './items/idea.js';
import { OPS_ITEMS } from './items/ops.js';
import { PAY_ITEMS } from './items/pay.js';
import { PLAT_ITEMS } from './items/plat.js';
import { BOARDS, boardPage, type ProjectKey, projectList, SPRINTS, sprintPage, versionList } from './projects.js';
import { seededRandom } from './random.js';
import { renderReadme } from './readme.js';
import { BASE_URL, GENERATED_AT, PAGE_SIZE, SEED } from './site.js';
import { SITE_TODAY } from './time.js';
import { transitionsByStatus } from './workflows.js';

export const ITEM_TABLES: Record<ProjectKey, typeof PAY_ITEMS> = {
  PAY: PAY_ITEMS,
  GRO: GRO_ITEMS,
  IDEA: IDEA_ITEMS,
  PLAT: PLAT_ITEMS,
  OPS: OPS_ITEMS,
};

/** Opaque continuation token, as Cloud hands out; the loopback server maps it to the next page file. */
function pageToken(project: ProjectKey, page: number): string {
  return Buffer.from(`acme-pay:${project}:${page}:${SEED}`).toString('base64url');
}

function searchPages(project: ProjectKey, issues: IssueBean[]): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  const pageCount = Math.max(1, Math.ceil(issues.length / PAGE_SIZE));
  for (let page = 1; page <= pageCount; page++) {
    const body: Record<string, unknown> = { issues: issues.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) };
    if (page < pageCount) body.nextPageToken = pageToken(project, page + 1);
    body.isLast = page === pageCount;
    files[`jira/search/${project}-${page}.json`] = body;
  }
  return files;
}

/** Relative path under samples/ → file content (JSON value, or text for README.md). */
export function buildSampleSite(): Record<string, unknown> {
  const random = seededRandom(SEED);
  const built = buildIssues(ITEM_TABLES, random);
  const projects = Object.keys(ITEM_TABLES) as ProjectKey[];
  const counts = {} as Record<ProjectKey, number>;
  const lastUpdate = {} as Record<ProjectKey, string>;
  for (const project of projects) {
    counts[project] = built.issues[project].length;
    lastUpdate[project] = built.issues[project]
      .map((issue) => String(issue.fields.updated))
      .sort()
      .reverse()[0] ?? `${GENERATED_AT}T00:00:00.000+0000`;
  }
  const files: Record<string, unknown> = {
    'jira/site.json': { baseUrl: BASE_URL, deployment: 'cloud', generatedAt: GENERATED_AT },
    'jira/field.json': fieldList(),
    'jira/issuetype.json': issueTypeList(),
    'jira/projects.json': projectList(counts, lastUpdate),
    'jira/boards.json': boardPage(),
    'jira/changelogs.json': { issueChangeLogs: built.changelogs },
    'jira/transitions.json': transitionsByStatus(),
    'jira/properties.json': built.properties,
  };
  for (const board of BOARDS) {
    if (SPRINTS.some((sprint) => sprint.boardId === board.id)) files[`jira/sprints/${board.id}.json`] = sprintPage(board.id);
  }
  for (const project of projects) {
    files[`jira/versions/${project}.json`] = versionList(project, SITE_TODAY);
    Object.assign(files, searchPages(project, built.issues[project]));
  }
  files['README.md'] = renderReadme(built);
  return files;
}
