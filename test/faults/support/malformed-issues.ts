import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Malformed Jira issues derived from real ones: each variant takes a real Cloud or Data
 * Center issue and breaks it the way real sites and proxies do — fields missing or null,
 * wrong types, unknown issue types, huge or deeply nested descriptions, odd ADF nodes,
 * control characters. Deterministic for a seed, so a failure can be replayed.
 */
export interface MalformedIssue {
  /** What was broken, e.g. `server-issue: fields.status → null`. */
  label: string;
  raw: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'faults');

function load(name: string): Json {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Json;
}

/** Mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Every [path, parent, key] in a JSON tree, up to a depth. */
function paths(root: Json, maxDepth = 5): { path: string; parent: Json[] | { [k: string]: Json }; key: string | number }[] {
  const out: { path: string; parent: Json[] | { [k: string]: Json }; key: string | number }[] = [];
  function walk(node: Json, path: string, depth: number): void {
    if (depth > maxDepth || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        out.push({ path: `${path}[${i}]`, parent: node, key: i });
        walk(child, `${path}[${i}]`, depth + 1);
      });
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      out.push({ path: path ? `${path}.${key}` : key, parent: node, key });
      walk(child, path ? `${path}.${key}` : key, depth + 1);
    }
  }
  walk(root, '', 0);
  return out;
}

const WRONG_VALUES: [string, () => Json][] = [
  ['null', () => null],
  ['number', () => 42],
  ['negative', () => -1],
  ['empty string', () => ''],
  ['string', () => 'unexpected'],
  ['boolean', () => true],
  ['empty array', () => []],
  ['array of nulls', () => [null, null]],
  ['empty object', () => ({})],
  ['nested junk', () => ({ name: { value: [1, { x: null }] } })],
];

const ODD_TEXT = ['\u0000\u0001\u0002', '‮RTL override', '🧪🔥'.repeat(500), 'a'.repeat(70_000), '<script>alert(1)</script>', '$' + '{jndi:ldap://x}', '\\'.repeat(1000), 'line\r\nbreak\u2028sep'];

const ODD_ISSUE_TYPES: Json[] = [
  { name: 'Market Problem', hierarchyLevel: 3 },
  { name: 'OKR', hierarchyLevel: 2, subtask: false },
  { name: '', hierarchyLevel: 0 },
  { name: 'Sub-task', subtask: true, hierarchyLevel: -1 },
  { name: 'Épica', hierarchyLevel: 1 },
  { name: 'Story', hierarchyLevel: 99 },
  { name: null },
  { id: '10000' },
  { name: 'X'.repeat(5000) },
];

function oddAdf(rand: () => number): Json {
  const choice = Math.floor(rand() * 9);
  switch (choice) {
    case 0:
      return { type: 'doc', version: 1, content: [{ type: 'mysteryNode', attrs: { x: 1 } }] };
    case 1:
      return { type: 'doc', version: 1 };
    case 2:
      return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text' }] }] };
    case 3:
      return { type: 'doc', version: 1, content: [{ type: 'text', text: 42 as unknown as string, marks: 'bold' as unknown as Json }] };
    case 4: {
      // Deep nesting: recursion without a depth limit overflows the stack here.
      let node: Json = { type: 'text', text: 'deep' };
      for (let i = 0; i < 20_000; i++) node = { type: 'blockquote', content: [node] };
      return { type: 'doc', version: 1, content: [node] };
    }
    case 5: {
      const content: Json[] = [];
      for (let i = 0; i < 20_000; i++) content.push({ type: 'paragraph', content: [{ type: 'text', text: `paragraph ${i} of a very long description` }] });
      return { type: 'doc', version: 1, content };
    }
    case 6:
      return { type: 'doc', version: 1, content: [{ type: 'table', content: [{ type: 'tableRow', content: null }] }, { type: 'mention', attrs: null }, { type: 'inlineCard' }] };
    case 7:
      return [{ type: 'doc' }] as Json;
    default:
      return { type: 'doc', version: 1, content: [{ type: 'codeBlock', content: [{ type: 'text', text: ODD_TEXT[Math.floor(rand() * ODD_TEXT.length)] as string }] }] };
  }
}

/** `count` malformed variants (default 1,200), spread over the seeds and the kinds of damage. */
export function malformedIssues(count = 1200, seed = 20261123): MalformedIssue[] {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const seeds: [string, Json][] = [
    ['cloud-issue', load('cloud-issue.json')],
    ['cloud-epic', load('cloud-epic.json')],
    ['server-issue', load('server-issue.json')],
    ['cloud-issue+big-adf', { ...(load('cloud-issue.json') as { [k: string]: Json }), fields: { ...((load('cloud-issue.json') as { fields: { [k: string]: Json } }).fields), description: load('adf-description.json') } }],
  ];
  const out: MalformedIssue[] = [];
  const whole: [string, () => Json][] = [
    ['null issue', () => null],
    ['string issue', () => 'PAY-1'],
    ['array issue', () => []],
    ['no fields', () => ({ key: 'PAY-1' })],
    ['fields null', () => ({ key: 'PAY-1', fields: null })],
    ['no key', () => ({ fields: { summary: 'x' } })],
    ['key not a key', () => ({ key: 'not a key !!', fields: { summary: 'x', issuetype: { name: 'Story' } } })],
    ['key number', () => ({ key: 12, fields: {} })],
  ];
  for (const [label, make] of whole) out.push({ label: `whole: ${label}`, raw: make() });

  while (out.length < count) {
    const [seedName, base] = pick(seeds);
    const issue = clone(base);
    const kind = Math.floor(rand() * 6);
    const targets = paths(issue);
    const fieldTargets = targets.filter((t) => t.path.startsWith('fields.'));
    if (kind === 0 || kind === 1) {
      // One or several fields removed or given a value of the wrong type.
      const n = kind === 0 ? 1 : 2 + Math.floor(rand() * 6);
      const changes: string[] = [];
      for (let i = 0; i < n; i++) {
        const target = pick(fieldTargets.length ? fieldTargets : targets);
        if (rand() < 0.35) {
          if (Array.isArray(target.parent)) target.parent.splice(Number(target.key), 1);
          else delete target.parent[target.key as string];
          changes.push(`${target.path} removed`);
        } else {
          const [name, value] = pick(WRONG_VALUES);
          (target.parent as Record<string | number, Json>)[target.key] = value();
          changes.push(`${target.path} → ${name}`);
        }
      }
      out.push({ label: `${seedName}: ${changes.join(', ')}`, raw: issue });
    } else if (kind === 2) {
      const fields = (issue as { fields: Record<string, Json> }).fields;
      const type = pick(ODD_ISSUE_TYPES);
      fields.issuetype = type;
      out.push({ label: `${seedName}: issuetype ${JSON.stringify(type).slice(0, 60)}`, raw: issue });
    } else if (kind === 3) {
      const fields = (issue as { fields: Record<string, Json> }).fields;
      fields.description = oddAdf(rand);
      out.push({ label: `${seedName}: odd ADF description`, raw: issue });
    } else if (kind === 4) {
      const fields = (issue as { fields: Record<string, Json> }).fields;
      const text = pick(ODD_TEXT);
      const field = pick(['summary', 'description', 'labels', 'components', 'environment']);
      fields[field] = field === 'labels' ? [text, text] : field === 'components' ? [{ name: text }] : text;
      out.push({ label: `${seedName}: odd text in ${field}`, raw: issue });
    } else {
      const fields = (issue as { fields: Record<string, Json> }).fields;
      const n = 1 + Math.floor(rand() * 5);
      for (let i = 0; i < n; i++) fields[`customfield_${10000 + Math.floor(rand() * 900)}`] = pick(WRONG_VALUES)[1]();
      fields.parent = pick<Json>([null, {}, { key: null }, { fields: { issuetype: null } }, 'PAY-1', { key: 'PAY-0', fields: { issuetype: { name: 'Initiative', hierarchyLevel: 2 } } }]);
      fields.status = pick<Json>([null, {}, { name: '' }, { statusCategory: null }, { name: 'Ready for acceptance', statusCategory: { key: 'done' } }]);
      out.push({ label: `${seedName}: custom fields, parent and status oddities`, raw: issue });
    }
  }
  return out.slice(0, count);
}
