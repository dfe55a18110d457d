import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSample, type SampleData } from '../../src/demo/load-sample.js';
import { renderDemo } from '../../src/demo/run-demo.js';

const run = promisify(execFile);

describe('demo/run-demo on the bundled sample site', () => {
  let data: SampleData;
  beforeAll(async () => {
    data = await loadSample();
  });

  it('reads every sample item through the Jira adapter and attributes each one', () => {
    expect(data.items).toHaveLength(206);
    expect(data.verdicts).toHaveLength(206);
    const byState = (state: string) => data.verdicts.filter((v) => v.state === state).length;
    // OPS has 9 items and no team; one of them was declared "not applicable" in Jira.
    expect(byState('unmatched')).toBe(8);
    expect(data.verdicts.find((v) => v.key === 'OPS-90')).toMatchObject({ role: 'none', state: 'unowned' });
    expect(byState('conflict')).toBeGreaterThan(0);
    expect(byState('unowned')).toBeGreaterThan(0);
    // Some sample items are too thin to call: the demo has nudges to show.
    expect(data.verdicts.filter((v) => v.role === 'unclear').length).toBeGreaterThan(3);
  });

  it('prints ownership per team, nudges, digests and acceptance reminders', () => {
    const text = renderDemo(data);

    expect(text).toMatch(/Payments \(payments\) — 74 items/);
    expect(text).toMatch(/Claimed by no team — 9 items/);
    expect(text).toMatch(/#C0PAYMENTS: “\d+ items in Payments need an owner decision”/);
    expect(text).toMatch(/Payments — ownership digest, 2026-W48/);
    expect(text).toMatch(/DM to Priya Nair at 10:00 their time: “4 finished items in Payments wait for your acceptance”/);
    expect(text).toMatch(/PAY-441 .* 7 working days {2}⚠ overdue/);
  });

  it('never lists an item with a security level in a channel message', () => {
    const restricted = data.items.filter((i) => i.securityLevel).map((i) => i.key);
    const channelSections = renderDemo(data).split('━━ Nudges')[1]?.split('━━ Acceptance reminders')[0] ?? '';

    expect(restricted.length).toBeGreaterThan(0);
    for (const key of restricted) expect(channelSections).not.toContain(`${key} `);
  });

  it('runs from the CLI without Slack, Jira or Redis', async () => {
    const { stdout } = await run(process.execPath, ['bin/who-owns.js', 'demo', '--no-prompt'], { env: { PATH: process.env.PATH ?? '' }, timeout: 60_000 });

    expect(stdout).toContain('Ownership per team');
    expect(stdout).toContain('Acceptance reminders to Product Owners');
  });
});
