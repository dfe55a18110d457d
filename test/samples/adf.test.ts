import { describe, expect, it } from 'vitest';
import { adf } from '../../samples/generate/adf.js';

describe('sample description notation → ADF', () => {
  it('turns headings, lists and paragraphs into the nodes the Jira editor produces', () => {
    const doc = adf('Intro line\nsecond line\n\n# Acceptance criteria\n- first\n- second\n\n1. step one\n2. step two');
    expect(doc).toEqual({
      version: 1,
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Intro line' }, { type: 'hardBreak' }, { type: 'text', text: 'second line' }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Acceptance criteria' }] },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'first' }] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'second' }] }] },
          ],
        },
        {
          type: 'orderedList',
          attrs: { order: 1 },
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'step one' }] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'step two' }] }] },
          ],
        },
      ],
    });
  });

  it('marks strong, emphasis, code and links, and leaves snake_case words alone', () => {
    const [paragraph] = adf('**Bold** then _em_ and `code` see [docs](https://example.com) for payout_id values').content;
    expect(paragraph?.content).toEqual([
      { type: 'text', text: 'Bold', marks: [{ type: 'strong' }] },
      { type: 'text', text: ' then ' },
      { type: 'text', text: 'em', marks: [{ type: 'em' }] },
      { type: 'text', text: ' and ' },
      { type: 'text', text: 'code', marks: [{ type: 'code' }] },
      { type: 'text', text: ' see ' },
      { type: 'text', text: 'docs', marks: [{ type: 'link', attrs: { href: 'https://example.com' } }] },
      { type: 'text', text: ' for payout_id values' },
    ]);
  });

  it('keeps code blocks verbatim and renders panels', () => {
    const doc = adf('!warning Do not paste this\n\n```text\nat build (a.ts:1:2)\n  at run\n```');
    expect(doc.content).toEqual([
      { type: 'panel', attrs: { panelType: 'warning' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Do not paste this' }] }] },
      { type: 'codeBlock', attrs: { language: 'text' }, content: [{ type: 'text', text: 'at build (a.ts:1:2)\n  at run' }] },
    ]);
  });
});
