/**
 * Generates the labelled evaluation set in test/fixtures/eval/: raw Jira REST issues (Cloud v3 with
 * ADF, Data Center v2 with wiki markup and legacy sprint strings) and labels.json. Every scenario
 * below applies one labelling rule from docs/attribution.md (cited as PO-n, PM-n, U-n); labels come
 * from the rule, never from the classifier. Seeded: `tsx bench/eval/generate-eval-set.ts` rewrites
 * the same files.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIOS, type Scenario } from './scenarios.js';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rng {
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
  int(min: number, max: number): number;
}

function rng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    pick: (list) => list[Math.floor(next() * list.length)] as (typeof list)[number],
    chance: (p) => next() < p,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
  };
}

const CLOUD_IDS = { sprint: 'customfield_10020', points: 'customfield_10016', start: 'customfield_10022', end: 'customfield_10023', epicLink: 'customfield_10014', ac: 'customfield_10035' };
const DC_IDS = { sprint: 'customfield_10104', points: 'customfield_10106', start: 'customfield_12800', end: 'customfield_12801', epicLink: 'customfield_10100', ac: 'customfield_11500' };
const NAMES = (ids: typeof CLOUD_IDS, points: string) => ({ [ids.sprint]: 'Sprint', [ids.points]: points, [ids.start]: 'Target start', [ids.end]: 'Target end', [ids.epicLink]: 'Epic Link', [ids.ac]: 'Acceptance Criteria' });

function adf(paragraphs: string[]): unknown {
  return {
    type: 'doc',
    version: 1,
    content: paragraphs.map((p) =>
      p.startsWith('# ')
        ? { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: p.slice(2) }] }
        : p.startsWith('- ')
          ? { type: 'bulletList', content: p.split('\n').map((line) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: line.replace(/^- /, '') }] }] })) }
          : { type: 'paragraph', content: [{ type: 'text', text: p }] },
    ),
  };
}

function wiki(paragraphs: string[]): string {
  return paragraphs.map((p) => (p.startsWith('# ') ? `h3. ${p.slice(2)}` : p.replace(/^- /gm, '* '))).join('\n\n');
}

const LEVEL: Record<string, number> = { 'sub-task': -1, subtask: -1, 'dev sub-task': -1, epic: 1, feature: 1, initiative: 2, theme: 3, objective: 3 };

function build(s: ReturnType<Scenario['make']>, key: string, v2: boolean, r: Rng): unknown {
  const ids = v2 ? DC_IDS : CLOUD_IDS;
  const lower = s.type.toLowerCase();
  const issuetype: Record<string, unknown> = { id: String(10000 + s.type.length), name: s.type, subtask: LEVEL[lower] === -1 };
  if (!v2) issuetype.hierarchyLevel = LEVEL[lower] ?? 0;
  const fields: Record<string, unknown> = {
    summary: s.summary,
    issuetype,
    project: { key: key.split('-')[0] },
    status: { name: s.status ?? 'To Do', statusCategory: { key: s.status === 'In Progress' ? 'indeterminate' : 'new' } },
    labels: s.labels ?? [],
    components: (s.components ?? []).map((name) => ({ name })),
    description: s.description.length === 0 ? null : v2 ? wiki(s.description) : adf(s.description),
    fixVersions: s.release ? [{ name: s.release.name, releaseDate: s.release.date, released: false }] : [],
    created: '2026-09-01T09:00:00.000+0000',
    updated: '2026-10-01T09:00:00.000+0000',
  };
  if (s.sprint) {
    const id = r.int(40, 90);
    fields[ids.sprint] = v2
      ? [`com.atlassian.greenhopper.service.sprint.Sprint@1a2b[id=${id},rapidViewId=12,state=${s.sprint.toUpperCase()},name=Sprint ${id},startDate=2026-10-01T09:00:00.000Z,endDate=2026-10-15T09:00:00.000Z,sequence=${id}]`]
      : [{ id, name: `Sprint ${id}`, state: s.sprint, boardId: 12 }];
  }
  if (s.points !== undefined) fields[ids.points] = s.points;
  if (s.targetStart) fields[ids.start] = s.targetStart;
  if (s.targetEnd) fields[ids.end] = s.targetEnd;
  if (s.acceptanceField) fields[ids.ac] = v2 ? s.acceptanceField : adf([s.acceptanceField]);
  if (s.parent) {
    if (v2) fields[ids.epicLink] = s.parent;
    else fields.parent = { key: s.parent };
  }
  return { id: String(20000 + Number(key.split('-')[1])), key, self: `https://${v2 ? 'jira.example.org/rest/api/2' : 'example.atlassian.net/rest/api/3'}/issue/${key}`, fields };
}

export function generate(seed = 20261123, perScenario = 16): { cloud: unknown[]; dc: unknown[]; labels: Record<string, { label: string; rule: string; scenario: string }> } {
  const r = rng(seed);
  const cloud: unknown[] = [];
  const dc: unknown[] = [];
  const labels: Record<string, { label: string; rule: string; scenario: string }> = {};
  let n = 0;
  const projects = ['PAY', 'GRO', 'PLAT', 'CORE', 'APP'];
  for (const scenario of SCENARIOS) {
    for (let i = 0; i < perScenario; i++) {
      n += 1;
      const v2 = i % 4 === 3;
      const key = `${r.pick(projects)}-${100 + n}`;
      const spec = scenario.make(r);
      (v2 ? dc : cloud).push(build(spec, key, v2, r));
      labels[key] = { label: scenario.label, rule: scenario.rule, scenario: scenario.id };
    }
  }
  return { cloud, dc, labels };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'eval');
  const { cloud, dc, labels } = generate();
  writeFileSync(join(out, 'cloud-v3-search.json'), `${JSON.stringify({ expand: 'names', names: NAMES(CLOUD_IDS, 'Story point estimate'), issues: cloud }, null, 1)}\n`);
  writeFileSync(join(out, 'dc-v2-search.json'), `${JSON.stringify({ expand: 'names', names: NAMES(DC_IDS, 'Story Points'), issues: dc }, null, 1)}\n`);
  writeFileSync(join(out, 'labels.json'), `${JSON.stringify(labels, null, 1)}\n`);
  process.stdout.write(`${cloud.length + dc.length} items (${cloud.length} Cloud v3, ${dc.length} Data Center v2) written to ${out}\n`);
}
