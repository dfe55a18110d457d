import { escapeHtml, mrkdwnToHtml } from './mrkdwn-to-html.js';

interface TextObject {
  type: string;
  text: string;
}

interface Element {
  type: string;
  text?: string | TextObject;
  style?: string;
}

interface Block {
  type: string;
  text?: TextObject;
  elements?: Element[];
  accessory?: Element;
}

export interface HtmlPreviewOptions {
  /** Display name of the app posting the message. */
  appName?: string;
  channelName?: string;
  /** Slack ids → names for mentions. */
  people?: Record<string, string>;
  /** Shown as the message time. */
  time?: string;
}

function text(t: TextObject | string | undefined, people: Record<string, string>): string {
  if (!t) return '';
  if (typeof t === 'string') return mrkdwnToHtml(t, people);
  return t.type === 'mrkdwn' ? mrkdwnToHtml(t.text, people) : escapeHtml(t.text);
}

function button(e: Element, people: Record<string, string>): string {
  return `<span class="button${e.style ? ` ${e.style}` : ''}">${text(e.text, people)}</span>`;
}

function blockHtml(block: Block, people: Record<string, string>): string {
  switch (block.type) {
    case 'header':
      return `<div class="header">${text(block.text, people)}</div>`;
    case 'section':
      return `<div class="section"><div class="section-text">${text(block.text, people)}</div>${block.accessory ? button(block.accessory, people) : ''}</div>`;
    case 'context':
      return `<div class="context">${(block.elements ?? []).map((e) => `<span>${text(e.text, people)}</span>`).join(' ')}</div>`;
    case 'divider':
      return '<hr class="divider">';
    case 'actions':
      return `<div class="actions">${(block.elements ?? []).map((e) => (e.type === 'button' ? button(e, people) : '<span class="button select">Select…</span>')).join('')}</div>`;
    default:
      return '';
  }
}

const CSS = `
body{margin:0;background:#fff;font-family:Lato,"Helvetica Neue",Helvetica,Arial,sans-serif;font-size:15px;line-height:1.46668;color:#1d1c1d}
.channel{padding:12px 20px;border-bottom:1px solid #e8e8e8;font-weight:900;font-size:18px}
.message{display:flex;gap:8px;padding:12px 20px;max-width:760px}
.avatar{flex:none;width:36px;height:36px;border-radius:6px;background:#4a154b;color:#fff;font-weight:900;display:flex;align-items:center;justify-content:center;font-size:15px}
.meta{margin-bottom:2px}.name{font-weight:900}.app{background:#e8e8e8;color:#616061;font-size:10px;font-weight:700;padding:1px 3px;border-radius:2px;margin-left:4px;vertical-align:1px}
.time{color:#616061;font-size:12px;margin-left:6px}
.header{font-size:18px;font-weight:900;margin:4px 0 6px}
.section{display:flex;justify-content:space-between;gap:12px;margin:6px 0}
.context{color:#616061;font-size:13px;margin:4px 0}
.divider{border:none;border-top:1px solid #ddd;margin:12px 0}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin:6px 0 10px}
.button{display:inline-block;border:1px solid #bbb;border-radius:4px;padding:3px 12px;font-size:13px;font-weight:700;background:#fff;white-space:nowrap}
.button.primary{background:#007a5a;border-color:#007a5a;color:#fff}.button.danger{color:#e01e5a;border-color:#e01e5a}
a{color:#1264a3;text-decoration:none}code{font-family:Monaco,Menlo,Consolas,monospace;font-size:12px;color:#e01e5a;background:#f6f6f6;border:1px solid #e1e1e1;border-radius:3px;padding:1px 3px}
.mention{color:#1264a3;background:#e8f5fa;border-radius:3px;padding:0 2px}
`;

/**
 * A self-contained HTML page that looks like the Slack message: for previews, the README's
 * screenshot, and teams tuning their settings. No scripts, no external resources.
 */
export function blocksToHtml(message: { text: string; blocks: readonly unknown[] }, options: HtmlPreviewOptions = {}): string {
  const people = options.people ?? {};
  const appName = escapeHtml(options.appName ?? 'who-owns');
  const body = (message.blocks as Block[]).map((b) => blockHtml(b, people)).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(message.text)}</title><style>${CSS}</style></head>
<body>
<div class="channel"># ${escapeHtml(options.channelName ?? 'team-channel')}</div>
<div class="message"><div class="avatar">W</div><div class="content">
<div class="meta"><span class="name">${appName}</span><span class="app">APP</span><span class="time">${escapeHtml(options.time ?? '9:00 AM')}</span></div>
${body}
</div></div>
</body></html>
`;
}
