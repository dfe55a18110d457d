import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'who-owns.js');
const sampleConfig = join(root, 'samples', 'who-owns.yaml');
const work = mkdtempSync(join(tmpdir(), 'who-owns-classify-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[], cwd = root, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const { WHO_OWNS_CONFIG: _, ...base } = process.env;
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, 'classify', ...args], { cwd, env: { ...base, ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

function fixture(path: string): string {
  return join(root, 'test', 'fixtures', path);
}

describe.concurrent('who-owns classify', () => {
  it('attributes a Data Center v2 search response with names, one JSON object per line, with owners from the team file', async () => {
    const { code, stdout } = await run(['--input', fixture('eval/dc-v2-search.json'), '--config', sampleConfig, '--format', 'json']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { key: string; role: string; confidence: number; state: string; owner: string | null; reasons: { signal: string; text: string }[] });
    expect(lines).toHaveLength(80);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(expect.arrayContaining(['key', 'role', 'confidence', 'state', 'owner', 'reasons']));
      expect(['PO', 'PM', 'unclear']).toContain(line.role);
    }
    const states = new Set(lines.map((l) => l.state));
    expect(states).toContain('owned');
    expect(states).toContain('unmatched');
    const payPo = lines.find((l) => l.key.startsWith('PAY-') && l.role === 'PO' && l.state === 'owned');
    expect(payPo?.owner).toBe('Priya Nair');
    const platPm = lines.find((l) => l.key.startsWith('PLAT-') && l.role === 'PM');
    expect(platPm?.state).toBe('unowned');
    const reason = lines.find((l) => l.reasons.length > 0)?.reasons[0] as Record<string, unknown> | undefined;
    expect(Object.keys(reason ?? {})).toEqual(['signal', 'role', 'weight', 'field', 'value', 'text']);
    const groAny = lines.find((l) => l.key.startsWith('GRO-') && l.role !== 'unclear');
    expect(groAny?.owner).toBe('Dana Kim');
  });

  it('reads a JSON array and JSON lines of real Cloud issues, reporting malformed records by index and skipping them', async () => {
    const { issues } = JSON.parse(readFileSync(fixture('jira-raw/cloud-v3-search.json'), 'utf8')) as { issues: unknown[] };
    const arrayFile = join(work, 'issues.json');
    writeFileSync(arrayFile, JSON.stringify([issues[0], { key: 'BAD-1' }, issues[1]]));
    const array = await run(['--input', arrayFile, '--config', sampleConfig, '--format', 'json']);
    expect(array.code).toBe(0);
    expect(array.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { key: string }).key)).toEqual(['TEST-1', 'TEST-2']);
    expect(array.stderr).toMatch(/record 1 \(BAD-1\) skipped: fields/);

    const linesFile = join(work, 'issues.jsonl');
    writeFileSync(linesFile, `${issues.map((i) => JSON.stringify(i)).join('\n')}\n{not json\n`);
    const lines = await run(['--input', linesFile, '--config', sampleConfig, '--format', 'json']);
    expect(lines.code).toBe(0);
    expect(lines.stdout.trim().split('\n')).toHaveLength(3);
    expect(lines.stderr).toMatch(/record 3 skipped: line 4 is not JSON/);
  });

  it('exits 1 when nothing could be classified', async () => {
    const file = join(work, 'bad.json');
    writeFileSync(file, JSON.stringify({ issues: [{ id: '1' }, 42] }));
    const { code, stderr } = await run(['--input', file, '--config', sampleConfig]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/record 0 skipped: key: missing/);
    expect(stderr).toMatch(/record 1 skipped: \(issue\): not a JSON object/);
  });

  it('without a team file still names the role, marks every item unmatched and prints a table for people', async () => {
    const { code, stdout, stderr } = await run(['--input', fixture('jira-raw/cloud-v3-epic.json'), '--format', 'table'], work);
    expect(code).toBe(0);
    expect(stderr).toMatch(/no team file/);
    expect(stdout).toMatch(/^KEY\s+ROLE\s+CONF\s+STATE/);
    expect(stdout).toMatch(/EPIC-1\s+\S+\s+[\d.]+\s+unmatched/);
    expect(stdout).toMatch(/^2 items: 2 unclear$/m);
  });
});

describe.concurrent('who-owns classify with input it cannot read', () => {
  it('exits 2 with a clear message when the file is not JSON at all', async () => {
    const file = join(work, 'not-json.txt');
    writeFileSync(file, 'key,summary\nPAY-1,Checkout\n');
    const { code, stdout, stderr } = await run(['--input', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/not JSON/);
  });

  it('exits 2 naming the file when it cannot be read', async () => {
    const { code, stderr } = await run(['--input', join(work, 'missing.json')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot read .*missing\.json \(ENOENT\)/);
  });
});

describe('who-owns classify with a missing team file', () => {
  it('says which file is missing and exits 2 without classifying', async () => {
    const { code, stdout, stderr } = await run(['--input', fixture('jira-raw/cloud-v3-issue.json'), '--config', join(work, 'nope.yaml')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/nope\.yaml does not exist/);
  });
});
