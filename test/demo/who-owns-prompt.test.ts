import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSample, type SampleData } from '../../src/demo/load-sample.js';
import { answerLine, runWhoOwnsPrompt, sampleWhoOwnsDeps } from '../../src/demo/who-owns-prompt.js';
import type { WhoOwnsDeps } from '../../src/slack/answer-who-owns.js';

describe('demo/who-owns-prompt answers like the Slack command', () => {
  let data: SampleData;
  let deps: WhoOwnsDeps;
  beforeAll(async () => {
    data = await loadSample();
    deps = await sampleWhoOwnsDeps(data);
  });

  it('shows a verdict card with the owner, confidence, reasons and buttons', async () => {
    const text = await answerLine(deps, '/who-owns PAY-474', 'U0PRIYA01');

    expect(text).toContain('PAY-474');
    expect(text).toContain('Product Owner');
    expect(text).toContain('@Priya Nair');
    expect(text).toMatch(/status "Ready for acceptance" waits for the PO's acceptance/);
    expect(text).toContain('[I own this] [It\'s PM work]');
  });

  it('names the team’s PO and PM, including a vacant seat', async () => {
    expect(await answerLine(deps, '/who-owns team platform', 'U0PRIYA01')).toMatch(/Product Manager: vacant/);
    expect(await answerLine(deps, '/who-owns GRO', 'U0PRIYA01')).toMatch(/Product Owner: @Dana Kim[\s\S]*Product Manager: @Dana Kim/);
  });

  it('withholds items that carry a Jira security level', async () => {
    const text = await answerLine(deps, '/who-owns PAY-455', 'U0PRIYA01');

    expect(text).toContain('has a Jira security level');
    expect(text).not.toContain('Product Owner');
  });

  it('says which keys it does not know, and answers nonsense with usage help', async () => {
    expect(await answerLine(deps, '/who-owns NOPE-1', 'U0PRIYA01')).toContain("I don't know NOPE-1");
    expect(await answerLine(deps, '/who-owns team Marketing', 'U0PRIYA01')).toMatch(/no team called “Marketing”[\s\S]*\/who-owns PAY-231/);
  });

  it('runs as a prompt until an empty line', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
    });
    const done = runWhoOwnsPrompt(data, input, output);
    input.write('/who-owns unclear payments\n');
    await new Promise((r) => setTimeout(r, 200));
    input.write('\n');
    await done;

    expect(printed).toContain('Ownership unclear, unowned or disputed');
    expect(printed).toContain('PAY-405');
  });
});
