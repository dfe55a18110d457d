import { describe, expect, it } from 'vitest';
import { blocksToHtml } from '../../src/views/html/blocks-to-html.js';
import { mrkdwnToHtml } from '../../src/views/html/mrkdwn-to-html.js';

describe('views/html preview', () => {
  it('turns mrkdwn into HTML: links, mentions, bold, italic, strike, code, emoji', () => {
    const html = mrkdwnToHtml(':tada: *Done* _now_ ~PAY-1~ `/who-owns unclear` <https://x.test/browse/PAY-2|PAY-2> thanks <@U0PRIYA01>', { U0PRIYA01: 'Priya Nair' });

    expect(html).toBe(
      '🎉 <b>Done</b> <i>now</i> <s>PAY-1</s> <code>/who-owns unclear</code> <a href="https://x.test/browse/PAY-2">PAY-2</a> thanks <span class="mention">@Priya Nair</span>',
    );
  });

  it('escapes item text so a summary cannot inject markup into the page', () => {
    const html = mrkdwnToHtml('Fix &lt;script&gt;alert(1)&lt;/script&gt; &amp; more <javascript:alert(1)|click>');

    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<a href="#">click</a>');
  });

  it('renders header, section, context, divider and buttons', () => {
    const page = blocksToHtml({
      text: 'digest',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Payments <digest>' } },
        { type: 'section', text: { type: 'mrkdwn', text: '*Ownership*' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'owned 3' }] },
        { type: 'divider' },
        { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: "It's PO work" }, style: 'primary' }] },
      ],
    });

    expect(page).toContain('<div class="header">Payments &lt;digest&gt;</div>');
    expect(page).toContain('<div class="section-text"><b>Ownership</b></div>');
    expect(page).toContain('<div class="context"><span>owned 3</span></div>');
    expect(page).toContain('<hr class="divider">');
    expect(page).toContain('<span class="button primary">It&#39;s PO work</span>'.replace('&#39;', "'"));
  });
});
