/**
 * Jira wiki markup (Data Center and API v2 descriptions) to plain text: headings (`h3.`),
 * formatting marks, links and macros are reduced to their words.
 */
export function wikiToText(wiki: string): string {
  return wiki
    .replace(/\r\n?/g, '\n')
    .replace(/\{(code|noformat)(:[^}]*)?\}([\s\S]*?)\{\1\}/g, '$3')
    .replace(/\{(quote|panel|color)(:[^}]*)?\}/g, '')
    .replace(/^h[1-6]\.\s*/gm, '')
    .replace(/^\s*[*#-]+\s+/gm, '')
    .replace(/\[([^|\]]+)\|[^\]]+\]/g, '$1')
    .replace(/\[~([^\]]+)\]/g, '@$1')
    .replace(/\[([^\]]+)\]/g, '$1')
    .replace(/(^|[\s(])[*_+-]([^\s*_+-][^*_+\n]*?)[*_+-](?=[\s).,:;!?]|$)/gm, '$1$2')
    .replace(/\{\{([^}]*)\}\}/g, '$1')
    .replace(/\|\|?/g, ' | ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
