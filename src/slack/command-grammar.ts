/**
 * The `/who-owns` grammar, parsed without I/O:
 *   KEY [KEY…] | browse URL          → verdict cards
 *   PAY  |  team Payments            → the team's PO and PM and what each owns
 *   jql: <query>                     → a validated JQL query, listed
 *   unclear | mine | help            → lists and usage
 *   anything else                    → free-text search
 */
export type WhoOwnsCommand =
  | { kind: 'keys'; keys: string[] }
  | { kind: 'team'; teamId: string }
  | { kind: 'jql'; jql: string }
  | { kind: 'unclear'; teamId?: string }
  | { kind: 'mine' }
  | { kind: 'help' }
  | { kind: 'search'; text: string }
  | { kind: 'invalid'; reason: string };

export interface GrammarTeam {
  id: string;
  name: string;
  jira: { projects: string[] };
}

const KEY = /\b([A-Z][A-Z0-9_]{0,19}-[1-9][0-9]{0,8})\b/g;
const BROWSE_URL = /https?:\/\/[^\s/]+\/browse\/([A-Z][A-Z0-9_]{0,19}-[1-9][0-9]{0,8})/g;
/** Slack caps command text at 4,000 characters; more than this is not a question. */
const MAX_TEXT = 500;
const MAX_KEYS = 10;

function findTeam(word: string, teams: readonly GrammarTeam[]): GrammarTeam | undefined {
  const lower = word.toLowerCase();
  return teams.find((t) => t.id === lower || t.name.toLowerCase() === lower || t.jira.projects.includes(word.toUpperCase()));
}

export function parseWhoOwns(raw: string, teams: readonly GrammarTeam[]): WhoOwnsCommand {
  // Slack wraps links as <url|label>; keep the URL.
  const text = raw.replace(/<(https?:[^|>]+)(\|[^>]*)?>/g, '$1').trim();
  if (text === '' || /^(help|-h|--help|\?)$/i.test(text)) return { kind: 'help' };
  if (text.length > MAX_TEXT) return { kind: 'invalid', reason: `that is ${text.length} characters; ask about a key, a team or a few words (at most ${MAX_TEXT})` };
  const jql = /^jql\s*:\s*([\s\S]*)$/i.exec(text);
  if (jql) return jql[1]?.trim() ? { kind: 'jql', jql: jql[1].trim() } : { kind: 'invalid', reason: 'write the query after `jql:`, e.g. `jql: project = PAY AND status = "In Review"`' };
  if (/^mine$/i.test(text)) return { kind: 'mine' };
  const unclear = /^unclear(?:\s+(\S+))?$/i.exec(text);
  if (unclear) {
    if (!unclear[1]) return { kind: 'unclear' };
    const team = findTeam(unclear[1], teams);
    return team ? { kind: 'unclear', teamId: team.id } : { kind: 'invalid', reason: `no team called “${unclear[1]}”` };
  }
  const teamWord = /^team\s+(.+)$/i.exec(text);
  if (teamWord?.[1]) {
    const team = findTeam(teamWord[1].trim(), teams);
    return team ? { kind: 'team', teamId: team.id } : { kind: 'invalid', reason: `no team called “${teamWord[1].trim()}”; teams: ${teams.map((t) => t.name).join(', ')}` };
  }
  if (/^[A-Z][A-Z0-9_]{0,19}$/.test(text)) {
    const team = findTeam(text, teams);
    if (team) return { kind: 'team', teamId: team.id };
  }
  const keys = [...new Set([...text.matchAll(BROWSE_URL)].map((m) => m[1] as string).concat([...text.matchAll(KEY)].map((m) => m[1] as string)))];
  const rest = text.replace(BROWSE_URL, ' ').replace(KEY, ' ').replace(/[\s,;]+/g, '');
  if (keys.length > 0 && rest === '') {
    return keys.length > MAX_KEYS ? { kind: 'invalid', reason: `ask about at most ${MAX_KEYS} keys at once` } : { kind: 'keys', keys };
  }
  return { kind: 'search', text };
}
