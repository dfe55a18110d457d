import { describe, expect, it } from 'vitest';
import { blocksToText, mrkdwnToText } from '../../src/views/blocks-to-text.js';

describe('views/blocks-to-text', () => {
  it('turns mentions, links and entities into readable text', () => {
    expect(mrkdwnToText(':warning: *Needs an owner — 3*, _oldest first_')).toBe('⚠️ Needs an owner — 3, oldest first');
    const text = mrkdwnToText('<@U0PRIYA01> owns <https://acme.atlassian.net/browse/PAY-1|PAY-1> &lt;b&gt; &amp; <#C0PAYMENTS|payments>', {
      U0PRIYA01: 'Priya Nair',
    });

    expect(text).toBe('@Priya Nair owns PAY-1 <b> & #payments');
  });

  it('draws headers, sections, context and buttons in order', () => {
    const text = blocksToText({
      text: 'fallback',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'PAY-1' } },
        { type: 'section', text: { type: 'mrkdwn', text: '*PO* — Priya' }, accessory: { type: 'button', text: { type: 'plain_text', text: 'Open' } } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'confidence 0.92' }] },
        { type: 'divider' },
        { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'I own this' } }, { type: 'users_select', placeholder: { type: 'plain_text', text: 'Assign to…' } }] },
      ],
    });

    expect(text.split('\n')).toEqual(['', 'PAY-1', '=====', '  PO — Priya  [Open]', '  ↳ confidence 0.92', '  ────────────────────────────────────────', '  [I own this] [Assign to… ▾]']);
  });

  it('falls back to the message text when there are no blocks', () => {
    expect(blocksToText({ text: 'Nothing is unclear <@U1AB>' }, {})).toBe('Nothing is unclear @U1AB');
  });
});
