import removeMarkdown from 'remove-markdown';

/**
 * Markdown descriptions (issues imported from GitHub, Jira Cloud's markdown paste, REST v2 clients
 * that post markdown) are told apart from wiki markup by marks wiki markup never uses.
 */
const MARKDOWN_MARKS = /^#{1,6} |```|\]\([^)\s]+\)|\*\*\S|^\s*[-*] \[[ xX]\] /m;

export function looksLikeMarkdown(text: string): boolean {
  return MARKDOWN_MARKS.test(text);
}

export function markdownToText(markdown: string): string {
  return removeMarkdown(markdown.replace(/\r\n?/g, '\n'), { gfm: true, useImgAltText: true })
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
